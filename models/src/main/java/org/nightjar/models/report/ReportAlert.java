package org.nightjar.models.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.AlertScores;
import org.nightjar.schemas.avro.Neighbour;
import org.nightjar.schemas.avro.QualityFlag;
import org.nightjar.schemas.avro.Tag;

/**
 * One of the report's alerts as the pipeline scored it.
 *
 * @param file the packet it came from (read again for its stamps)
 * @param searchVector the vector the anomaly stage searched the references with; empty when the
 *     stage did not run on it (no stamps, a survey without references)
 * @param realBogus the survey's own real/bogus score (ZTF {@code drb}, Rubin {@code reliability});
 *     empty when the packet has none
 */
public record ReportAlert(Path file, AlertScores scores, Optional<float[]> searchVector, OptionalDouble realBogus) {

  public ReportAlert {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(searchVector, "searchVector");
    Objects.requireNonNull(realBogus, "realBogus");
  }

  public long alertId() {
    return scores.getAlertId();
  }

  public String objectId() {
    return scores.getObjectId();
  }

  public Survey survey() {
    return Survey.valueOf(scores.getSurvey().name());
  }

  public boolean hasAnomaly() {
    return scores.getAnomaly() != null;
  }

  public Optional<Double> anomalyScore() {
    return Optional.ofNullable(scores.getAnomaly()).map(a -> a.getScore());
  }

  public Optional<Double> percentile() {
    return Optional.ofNullable(scores.getAnomaly()).map(a -> a.getPercentile());
  }

  /** The nearest references, nearest first, as the anomaly stage recorded them; empty without a section. */
  public List<Neighbour> neighbours() {
    return scores.getAnomaly() == null ? List.of() : scores.getAnomaly().getNeighbours();
  }

  public Optional<Double> artifactProbability() {
    return Optional.ofNullable(scores.getArtifact()).map(a -> a.getProbability());
  }

  public Optional<Double> reconstructionError() {
    return Optional.ofNullable(scores.getArtifact()).map(a -> a.getReconstructionError());
  }

  public Optional<Integer> cluster() {
    return Optional.ofNullable(scores.getArtifact()).map(a -> a.getCluster());
  }

  public Optional<Double> centroidDistance() {
    return Optional.ofNullable(scores.getArtifact()).map(a -> a.getCentroidDistance());
  }

  public Optional<Double> pStar() {
    return Optional.ofNullable(scores.getStarGalaxy()).map(s -> s.getPStar());
  }

  public boolean tagged(Tag tag) {
    return scores.getTags().contains(tag);
  }

  /** The packet carried no stamps at all (so there is no embedding). */
  public boolean withoutStamps() {
    return scores.getFlags().contains(QualityFlag.NO_CUTOUTS);
  }
}
