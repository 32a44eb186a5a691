/**
 * The scoring contract shared by every model: {@link org.nightjar.models.Scorer} stages over
 * micro-batches, the per-alert {@link org.nightjar.models.ScoringContext}, and the
 * {@link org.nightjar.models.ScoringPipeline} that inspects stamps, runs the stages and assembles
 * the output record. Knows nothing of Kafka or of any metrics library.
 */
package org.nightjar.models;
