package org.nightjar.models;

import java.util.stream.IntStream;

/**
 * Per-alert work of a batch, spread over the cores only when the batch is large. A backlog comes
 * in large batches, and there both cores pay (end to end with the broker apart, 770 → 960 alerts/s
 * when the artifact features and stamp descriptors were spread). A quiet stream comes one or two
 * alerts at a time, and there handing an alert to a pool thread only adds its wake-up to the
 * latency (the demo's steady p99 rose from 200–310 to 340–400 ms).
 */
public final class BatchParallelism {
  /** From this many alerts a batch is spread over the common pool. */
  public static final int PARALLEL_FROM = 8;

  private BatchParallelism() {}

  /** Indices {@code 0..n-1}, parallel when {@code n >= PARALLEL_FROM}. */
  public static IntStream indices(int n) {
    IntStream range = IntStream.range(0, n);
    return n >= PARALLEL_FROM ? range.parallel() : range;
  }
}
