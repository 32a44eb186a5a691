package org.nightjar.models;

/**
 * Told how long each stage took on each batch; the stream app turns this into metrics. Keeps
 * {@code models} free of any metrics library. Implementations must not throw.
 */
@FunctionalInterface
public interface StageListener {
  StageListener NONE = (stage, nanos, batchSize) -> {};

  void stageCompleted(String stage, long nanos, int batchSize);
}
