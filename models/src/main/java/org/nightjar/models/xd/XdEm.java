package org.nightjar.models.xd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Extreme Deconvolution EM: holds the data, the current parameters and the worker
 * threads, and advances one update at a time. {@link XdFitter} drives it to convergence; callers
 * that need to look between updates (early stopping on a validation set) drive it themselves.
 *
 * <p>Points are cut into blocks whose size depends only on N (at least {@value #MIN_BLOCK} points,
 * at most {@value #MAX_BLOCKS} blocks, which bounds the memory of the per-block sums); the block
 * sums are added in block order, so the result is bit-for-bit the same for any number of threads.
 *
 * <p>Not thread-safe (it uses its own threads internally); close it to stop them.
 */
public final class XdEm implements AutoCloseable {

  static final int MIN_BLOCK = 256;
  static final int MAX_BLOCKS = 512;

  private final NoisyData data;
  private final XdFitOptions options;
  private final XdFitOptions.Constraints constraints;
  private final double totalWeight;
  private final int blockSize;
  private final ComponentSums[] blockSums;
  private final ComponentSums total;
  private final EStepKernel[] kernels;
  private final ExecutorService pool;
  private GaussianMixture current;
  private int updates;

  public XdEm(NoisyData data, GaussianMixture initial, XdFitOptions options) {
    if (data.dimension() != initial.dimension()) {
      throw new IllegalArgumentException(
          "data are " + data.dimension() + "-dimensional, mixture " + initial.dimension() + "-dimensional");
    }
    int k = initial.components();
    int d = initial.dimension();
    this.data = data;
    this.options = options;
    this.constraints = options.resolve(k, d);
    this.totalWeight = data.totalWeight();
    int n = data.size();
    this.blockSize = Math.max(MIN_BLOCK, (n + MAX_BLOCKS - 1) / MAX_BLOCKS);
    int blocks = (n + blockSize - 1) / blockSize;
    this.blockSums = new ComponentSums[blocks];
    for (int b = 0; b < blocks; b++) {
      blockSums[b] = new ComponentSums(k, d);
    }
    this.total = new ComponentSums(k, d);
    int threads = Math.min(options.threads(), blocks);
    this.kernels = new EStepKernel[threads];
    for (int t = 0; t < threads; t++) {
      kernels[t] = new EStepKernel(initial);
    }
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, XdEm::daemon) : null;
    this.current = initial;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "xd-em");
    t.setDaemon(true);
    return t;
  }

  /** The current parameters (after {@link #updates()} updates). */
  public GaussianMixture current() {
    return current;
  }

  public int updates() {
    return updates;
  }

  /**
   * One EM update: E-step with the current parameters, then M-step.
   *
   * @return the mean log-likelihood of the parameters <em>before</em> this update
   */
  public double update() {
    double l = eStep(true);
    current = MStep.apply(current, total, totalWeight, constraints, options.regularization());
    updates++;
    return l;
  }

  /** The mean log-likelihood of the current parameters (an E-step without accumulation). */
  public double logLikelihood() {
    return eStep(false);
  }

  private double eStep(boolean accumulate) {
    for (EStepKernel kernel : kernels) {
      kernel.setMixture(current);
    }
    AtomicInteger next = new AtomicInteger();
    if (pool == null) {
      work(kernels[0], next, accumulate);
    } else {
      List<Future<?>> futures = new ArrayList<>(kernels.length);
      for (EStepKernel kernel : kernels) {
        futures.add(pool.submit(() -> work(kernel, next, accumulate)));
      }
      for (Future<?> f : futures) {
        join(f);
      }
    }
    total.clear();
    for (ComponentSums b : blockSums) {
      total.add(b);
    }
    return total.logLike / totalWeight;
  }

  private void work(EStepKernel kernel, AtomicInteger next, boolean accumulate) {
    int n = data.size();
    for (int b = next.getAndIncrement(); b < blockSums.length; b = next.getAndIncrement()) {
      kernel.run(data, b * blockSize, Math.min(n, (b + 1) * blockSize), blockSums[b], accumulate,
          options.responsibilityFloor());
    }
  }

  private static void join(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the E-step", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
