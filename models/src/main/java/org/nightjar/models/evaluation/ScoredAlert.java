package org.nightjar.models.evaluation;

import java.util.Optional;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.AlertScores;

/**
 * One held-out alert (or a damaged copy of one) as the bundle scored it.
 *
 * @param injected the damage done to the real alert; empty for the real alert itself
 * @param artifact the survey's own real/bogus verdict (weak label); empty without one
 */
public record ScoredAlert(Survey survey, AlertScores scores, Optional<InjectedAnomaly> injected, Optional<Boolean> artifact) {

  public Optional<Double> anomalyScore() {
    return Optional.ofNullable(scores.getAnomaly()).map(a -> a.getScore());
  }

  public Optional<Double> percentile() {
    return Optional.ofNullable(scores.getAnomaly()).map(a -> a.getPercentile());
  }

  public Optional<Double> artifactProbability() {
    return Optional.ofNullable(scores.getArtifact()).map(a -> a.getProbability());
  }

  public Optional<Double> reconstructionError() {
    return Optional.ofNullable(scores.getArtifact()).map(a -> a.getReconstructionError());
  }
}
