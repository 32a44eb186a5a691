package org.nightjar.models;

import java.util.List;

/**
 * One scoring stage over a micro-batch of alerts (embedding, anomaly, artifact, star/galaxy).
 * Stages run in the order they are configured; a stage may read what earlier stages left in each
 * {@link ScoringContext} (the embedding is computed once and shared).
 *
 * <p>A scorer is built once at startup from the model bundle (by its {@link StageFactory}) and owned
 * by {@link ScoringStages}; every stream thread of the instance calls the same scorer, so
 * implementations must be thread-safe (keep per-batch state in locals, serialise what cannot be
 * shared).
 */
public interface Scorer extends AutoCloseable {

  /** Stage name used for timings and metric labels, lower case (e.g. {@code embed}, {@code xd}). */
  String stage();

  /**
   * Scores every alert of the batch. A problem with one alert only is reported on its context
   * with {@link ScoringContext#reject}, and the other alerts go on.
   *
   * @throws ScoringException when the batch as a whole cannot be scored
   */
  void score(List<ScoringContext> batch) throws ScoringException;

  /** Releases native memory held by the stage. */
  @Override
  default void close() {}
}
