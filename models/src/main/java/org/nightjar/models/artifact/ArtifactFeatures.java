package org.nightjar.models.artifact;

import java.util.ArrayList;
import java.util.List;

/**
 * The features of the artifact model for one alert: the logarithms of the reconstruction error,
 * of the distance to the assigned centroid and of the kNN anomaly score, then a one-hot encoding
 * of the cluster. Logarithms because all three are positive scales spanning decades, and bogus
 * detections sit in their upper tails.
 */
public final class ArtifactFeatures {

  /** Floor under the logarithms' arguments (an exact reconstruction would give ln 0). */
  private static final double FLOOR = 1e-9;

  private ArtifactFeatures() {}

  public static List<String> names(int clusters) {
    List<String> names = new ArrayList<>(List.of("ln_reconstruction_error", "ln_centroid_distance", "ln_knn_score"));
    for (int c = 0; c < clusters; c++) {
      names.add("cluster_" + c);
    }
    return names;
  }

  public static double[] of(double reconstructionError, LatentClusters.Assignment assignment, double knnScore, int clusters) {
    double[] x = new double[3 + clusters];
    x[0] = Math.log(Math.max(FLOOR, reconstructionError));
    x[1] = Math.log(Math.max(FLOOR, assignment.distance()));
    x[2] = Math.log(Math.max(FLOOR, knnScore));
    x[3 + assignment.cluster()] = 1.0;
    return x;
  }
}
