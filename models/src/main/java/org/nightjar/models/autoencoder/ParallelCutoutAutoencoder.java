package org.nightjar.models.autoencoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits each batch into equal chunks and runs them at the same time on separate copies of the
 * network, one chunk on the calling thread and the others on a small fixed pool.
 *
 * <p>Why: this network's ops are small, and libnd4j's OpenMP parallelism inside each op gains
 * little and stalls whenever a core is busy elsewhere; with {@code OMP_NUM_THREADS=1} two copies
 * working on half a batch each came close to twice the single-thread throughput (see the models
 * README). Batches smaller than {@code 2 x minChunk} run on one copy.
 *
 * <p>Thread-safe: calls are serialised. {@link #close()} stops the pool.
 */
public final class ParallelCutoutAutoencoder implements AutoencoderNetwork {

  private final List<CutoutAutoencoder> copies;
  private final ExecutorService pool;
  private final int minChunk;

  private ParallelCutoutAutoencoder(List<CutoutAutoencoder> copies, int minChunk) {
    this.copies = copies;
    this.minChunk = minChunk;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, copies.size() - 1),
            r -> {
              Thread t = new Thread(r, "autoencoder-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * {@code workers} copies of {@code network} (the original is one of them).
   *
   * @param minChunk smallest chunk worth a thread of its own (16 is a good value)
   */
  public static ParallelCutoutAutoencoder of(CutoutAutoencoder network, int workers, int minChunk) {
    Objects.requireNonNull(network, "network");
    if (workers < 1 || minChunk < 1) {
      throw new IllegalArgumentException("workers and minChunk must be at least 1");
    }
    List<CutoutAutoencoder> copies = new ArrayList<>();
    copies.add(network);
    for (int i = 1; i < workers; i++) {
      copies.add(network.copy());
    }
    return new ParallelCutoutAutoencoder(List.copyOf(copies), minChunk);
  }

  @Override
  public AutoencoderArchitecture architecture() {
    return copies.get(0).architecture();
  }

  public int workers() {
    return copies.size();
  }

  @Override
  public synchronized AutoencoderOutput infer(float[] batch, int count) {
    int length = architecture().inputLength();
    if (count <= 0 || (long) count * length > batch.length) {
      throw new IllegalArgumentException("batch holds " + batch.length + " values, not " + count + " x " + length);
    }
    int chunks = Math.max(1, Math.min(copies.size(), count / minChunk));
    if (chunks == 1) {
      return copies.get(0).infer(batch, count);
    }
    int[] starts = new int[chunks + 1];
    for (int c = 0; c <= chunks; c++) {
      starts[c] = (int) ((long) count * c / chunks);
    }
    List<Future<AutoencoderOutput>> futures = new ArrayList<>();
    for (int c = 1; c < chunks; c++) {
      CutoutAutoencoder copy = copies.get(c);
      float[] part = java.util.Arrays.copyOfRange(batch, starts[c] * length, starts[c + 1] * length);
      int n = starts[c + 1] - starts[c];
      futures.add(pool.submit(() -> copy.infer(part, n)));
    }
    AutoencoderOutput first = copies.get(0).infer(batch, starts[1]);
    float[][] latent = new float[count][];
    float[] reconstruction = new float[count * length];
    place(first, 0, latent, reconstruction, length);
    for (int c = 1; c < chunks; c++) {
      place(await(futures.get(c - 1)), starts[c], latent, reconstruction, length);
    }
    return new AutoencoderOutput(latent, reconstruction, length);
  }

  private static void place(AutoencoderOutput out, int at, float[][] latent, float[] reconstruction, int length) {
    System.arraycopy(out.latent(), 0, latent, at, out.count());
    System.arraycopy(out.reconstruction(), 0, reconstruction, at * length, out.count() * length);
  }

  private static AutoencoderOutput await(Future<AutoencoderOutput> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an autoencoder worker", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
