package org.nightjar.models.artifact;

import java.util.Map;
import java.util.Objects;

/**
 * The weak labels of a survey's reference alerts, to ask how many of an alert's nearest
 * references are artifacts: the share of artifacts among its labelled neighbours, pulled towards
 * the references' base rate by one pseudo-neighbour so that an alert with few labelled
 * neighbours is not given a share of 0 or 1.
 *
 * <p>Immutable; thread-safe.
 *
 * @param artifactByAlertId the label of every labelled reference, by alert id
 * @param baseRate share of artifacts among the labelled references
 */
public record NeighbourLabels(Map<Long, Boolean> artifactByAlertId, double baseRate) {

  public NeighbourLabels {
    artifactByAlertId = Map.copyOf(Objects.requireNonNull(artifactByAlertId, "artifactByAlertId"));
    if (!(baseRate >= 0 && baseRate <= 1)) {
      throw new IllegalArgumentException("base rate must be within 0..1");
    }
  }

  /** The smoothed share of artifacts among these neighbours (alert ids). */
  public double artifactShare(long[] neighbourAlertIds) {
    double artifacts = baseRate;
    double labelled = 1;
    for (long id : neighbourAlertIds) {
      Boolean label = artifactByAlertId.get(id);
      if (label != null) {
        artifacts += label ? 1 : 0;
        labelled++;
      }
    }
    return artifacts / labelled;
  }
}
