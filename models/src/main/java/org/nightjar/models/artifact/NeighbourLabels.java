package org.nightjar.models.artifact;

import java.util.Map;
import java.util.Objects;

/**
 * What the survey's own real/bogus score said of each reference alert, to ask what the references
 * around an alert were: the mean bogusness (1 minus the survey's score) of its labelled
 * neighbours, each weighted by {@code exp(-d / d1)} with {@code d1} the nearest neighbour's
 * distance, so that the closest count most and the far ones of a wide neighbourhood fade; one
 * pseudo-neighbour of weight 1 at the references' mean keeps an alert among few labelled
 * references away from 0 and 1. A kNN estimate of the weak label, fed to the regression as one
 * feature among the others.
 *
 * <p>Immutable; thread-safe.
 *
 * @param bogusnessByAlertId 1 minus the survey's real/bogus score of every labelled reference
 * @param baseRate mean bogusness of the labelled references
 */
public record NeighbourLabels(Map<Long, Double> bogusnessByAlertId, double baseRate) {

  /** Added to the nearest distance in the kernel's width, so that a zero distance is harmless. */
  private static final double WIDTH_FLOOR = 1e-3;

  public NeighbourLabels {
    bogusnessByAlertId = Map.copyOf(Objects.requireNonNull(bogusnessByAlertId, "bogusnessByAlertId"));
    bogusnessByAlertId.forEach((id, b) -> {
      if (!(b >= 0 && b <= 1)) {
        throw new IllegalArgumentException("bogusness of reference " + id + " is " + b + ", not within 0..1");
      }
    });
    if (!(baseRate >= 0 && baseRate <= 1)) {
      throw new IllegalArgumentException("base rate must be within 0..1");
    }
  }

  /**
   * The weighted bogusness of these neighbours.
   *
   * @param alertIds the neighbours, nearest first
   * @param distances their distances, ascending
   */
  public double bogusness(long[] alertIds, float[] distances) {
    if (alertIds.length != distances.length) {
      throw new IllegalArgumentException(alertIds.length + " neighbours, " + distances.length + " distances");
    }
    double width = (distances.length == 0 ? 0 : distances[0]) + WIDTH_FLOOR;
    double sum = baseRate;
    double weights = 1;
    for (int i = 0; i < alertIds.length; i++) {
      Double b = bogusnessByAlertId.get(alertIds[i]);
      if (b != null) {
        double w = Math.exp(-distances[i] / width);
        sum += w * b;
        weights += w;
      }
    }
    return sum / weights;
  }
}
