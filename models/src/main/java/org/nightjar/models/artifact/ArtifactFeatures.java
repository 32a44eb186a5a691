package org.nightjar.models.artifact;

import java.util.ArrayList;
import java.util.List;
import org.nightjar.models.autoencoder.StampDescriptors;

/**
 * The features of the artifact model for one alert: the logarithms of the reconstruction error,
 * of the distance to the assigned centroid and of the kNN anomaly score, the weighted bogusness of
 * its nearest references ({@link NeighbourLabels}), the stamp descriptors of the embedding stage,
 * the {@link DifferenceStatistics} of the whole stamps, then a one-hot encoding of the cluster.
 * Logarithms because the first three are positive scales spanning decades, and bogus detections
 * sit in their upper tails.
 */
public final class ArtifactFeatures {

  /** Floor under the logarithms' arguments (an exact reconstruction would give ln 0). */
  private static final double FLOOR = 1e-9;
  private static final int LEADING = 4;

  private ArtifactFeatures() {}

  public static List<String> names(int clusters) {
    List<String> names = new ArrayList<>(List.of("ln_reconstruction_error", "ln_centroid_distance", "ln_knn_score",
        "neighbour_bogusness"));
    names.addAll(StampDescriptors.NAMES);
    names.addAll(DifferenceStatistics.NAMES);
    for (int c = 0; c < clusters; c++) {
      names.add("cluster_" + c);
    }
    return names;
  }

  public static double[] of(double reconstructionError, LatentClusters.Assignment assignment, double knnScore,
      double neighbourBogusness, double[] descriptors, double[] differenceStatistics, int clusters) {
    int m = StampDescriptors.NAMES.size();
    int s = DifferenceStatistics.NAMES.size();
    if (descriptors.length != m || differenceStatistics.length != s) {
      throw new IllegalArgumentException(descriptors.length + " stamp descriptors and " + differenceStatistics.length
          + " difference statistics, expected " + m + " and " + s);
    }
    double[] x = new double[LEADING + m + s + clusters];
    x[0] = Math.log(Math.max(FLOOR, reconstructionError));
    x[1] = Math.log(Math.max(FLOOR, assignment.distance()));
    x[2] = Math.log(Math.max(FLOOR, knnScore));
    x[3] = neighbourBogusness;
    System.arraycopy(descriptors, 0, x, LEADING, m);
    System.arraycopy(differenceStatistics, 0, x, LEADING + m, s);
    x[LEADING + m + s + assignment.cluster()] = 1.0;
    return x;
  }
}
