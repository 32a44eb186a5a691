package org.nightjar.models.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.nightjar.models.ScoringException;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.ScoringResult;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;

/**
 * Feeds damaged copies of real packets through what the stream does with a message: the codec,
 * then the scoring pipeline (stamp decoding and inspection, then every configured stage). Every
 * input must end as a score or as a dead letter with a reason; an exception that escapes the codec
 * or the pipeline is a finding (the stream would survive it, but as a {@code unexpected} or
 * {@code scoring-failed} dead letter that takes the rest of its batch along).
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class FuzzRun {

  /** What became of the inputs. */
  /** @param maxUsedHeapBytes the most heap in use after a garbage collection, sampled between batches */
  public record Result(long inputs, long scored, Map<String, Long> deadLettered, Map<PacketMutation, Long> byMutation,
      List<Finding> findings, long maxUsedHeapBytes) {

    public long deadLetteredTotal() {
      return deadLettered.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** An input that made an exception escape, with enough to reproduce it. */
  public record Finding(int packet, PacketMutation mutation, long seed, String where, String exception) {}

  private static final int BATCH = 64;
  private static final int MAX_FINDINGS = 100;

  private final AlertCodec codec;
  private final ScoringPipeline pipeline;
  private final List<byte[]> packets;

  public FuzzRun(AlertCodec codec, ScoringPipeline pipeline, List<byte[]> packets) {
    if (packets.isEmpty()) {
      throw new IllegalArgumentException("no packets to damage");
    }
    this.codec = codec;
    this.pipeline = pipeline;
    this.packets = List.copyOf(packets);
  }

  /** The damaged input number {@code index} of a run with {@code seed}: reproducible alone. */
  public Input input(long seed, long index) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    int packet = r.nextInt(packets.size());
    PacketMutation mutation = PacketMutation.values()[r.nextInt(PacketMutation.values().length)];
    return input(packet, mutation, r.nextLong());
  }

  /** Packet number {@code packet} (modulo the number of packets) damaged by {@code mutation}. */
  public Input input(int packet, PacketMutation mutation, long mutationSeed) {
    int p = Math.floorMod(packet, packets.size());
    return new Input(p, mutation, mutationSeed, mutation.apply(packets.get(p), new SplittableRandom(mutationSeed)));
  }

  /** One damaged packet and how it was made. */
  public record Input(int packet, PacketMutation mutation, long mutationSeed, byte[] bytes) {}

  /**
   * @param progress told how many inputs are done
   */
  public Result run(long inputs, long seed, IntConsumer progress) {
    Tally tally = new Tally();
    List<Input> batch = new ArrayList<>(BATCH);
    for (long i = 0; i < inputs; i++) {
      batch.add(input(seed, i));
      if (batch.size() == BATCH || i == inputs - 1) {
        process(batch, tally);
        batch.clear();
        progress.accept((int) Math.min(Integer.MAX_VALUE, i + 1));
        tally.maxHeap = Math.max(tally.maxHeap, heapAfterLastCollection());
      }
    }
    return new Result(inputs, tally.scored, tally.reasons, tally.byMutation, tally.findings, tally.maxHeap);
  }

  /** What one input became, for tests: {@code "scored"}, a dead-letter reason code, or a finding. */
  public String outcome(Input input) {
    Tally tally = new Tally();
    process(List.of(input), tally);
    if (!tally.findings.isEmpty()) {
      return "finding: " + tally.findings.get(0);
    }
    return tally.scored == 1 ? "scored" : tally.reasons.keySet().iterator().next();
  }

  private void process(List<Input> inputs, Tally tally) {
    List<Alert> alerts = new ArrayList<>();
    List<Input> decoded = new ArrayList<>();
    for (Input in : inputs) {
      tally.byMutation.merge(in.mutation(), 1L, Long::sum);
      try {
        alerts.add(codec.decode(in.bytes()));
        decoded.add(in);
      } catch (AlertDecodeException e) {
        tally.deadLetter(e.reason().code());
      } catch (RuntimeException e) {
        tally.find(new Finding(in.packet(), in.mutation(), in.mutationSeed(), "codec", e.toString()));
      }
    }
    try {
      tally.count(pipeline.score(alerts));
    } catch (ScoringException | RuntimeException batchFailure) {
      // Find the input that broke the batch: score each alone.
      for (int i = 0; i < alerts.size(); i++) {
        try {
          tally.count(pipeline.score(List.of(alerts.get(i))));
        } catch (ScoringException | RuntimeException e) {
          Input in = decoded.get(i);
          tally.find(new Finding(in.packet(), in.mutation(), in.mutationSeed(), "pipeline", e.toString()));
        }
      }
    }
  }

  /** Heap in use right after the latest garbage collection: what the run really holds. */
  private static long heapAfterLastCollection() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      used += after == null ? 0 : after.getUsed();
    }
    return used;
  }

  private static final class Tally {
    long scored;
    final Map<String, Long> reasons = new TreeMap<>();
    final Map<PacketMutation, Long> byMutation = new EnumMap<>(PacketMutation.class);
    final List<Finding> findings = new ArrayList<>();
    long maxHeap;

    void deadLetter(String reason) {
      reasons.merge(reason, 1L, Long::sum);
    }

    void count(List<ScoringResult> results) {
      for (ScoringResult r : results) {
        if (r instanceof ScoringResult.Scored) {
          scored++;
        } else if (r instanceof ScoringResult.Rejected rejected) {
          deadLetter(rejected.rejection().reason().code());
        }
      }
    }

    void find(Finding f) {
      if (findings.size() < MAX_FINDINGS) {
        findings.add(f);
      }
    }
  }
}
