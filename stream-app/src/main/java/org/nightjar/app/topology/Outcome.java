package org.nightjar.app.topology;

import java.util.Set;
import org.nightjar.schemas.avro.AlertScores;
import org.nightjar.schemas.avro.Tag;

/** What a stage made of a message; routed with {@code split()} to the right topic. */
public sealed interface Outcome {

  AlertEnvelope envelope();

  /** The record decoded; the key is now its alert id. */
  record Decoded(AlertEnvelope envelope, long alertId) implements Outcome {}

  /** Bad input or a failed stage: goes to the dead-letter topic with its reason. */
  record Rejected(AlertEnvelope envelope, DeadLetter deadLetter) implements Outcome {}

  /** Scored: the scores go to {@code .scored}, the original bytes to one topic per tag. */
  record Scored(AlertEnvelope envelope, AlertScores scores, Set<Tag> tags) implements Outcome {}
}
