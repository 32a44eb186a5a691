package org.nightjar.models;

import java.util.Set;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.avro.AlertScores;
import org.nightjar.schemas.avro.Tag;

/** What became of one alert of a batch: scored, or rejected with a reason. */
public sealed interface ScoringResult {

  Alert alert();

  /** The alert passed every configured stage. */
  record Scored(Alert alert, AlertScores scores, Set<Tag> tags) implements ScoringResult {}

  /** A stage refused the alert; it goes to the dead-letter topic. */
  record Rejected(Alert alert, ScoringContext.Rejection rejection) implements ScoringResult {}
}
