package org.nightjar.models.artifact;

import java.util.Map;
import java.util.Objects;

/**
 * k-means clusters of one survey's reference embeddings: the centroids, how many references each
 * holds, and how K was chosen (the mean silhouette of every K tried). An embedding belongs to the
 * cluster of its nearest centroid.
 *
 * <p>Immutable by convention: the arrays are owned by this object. Thread-safe.
 *
 * @param silhouettes mean silhouette of the clustering for each K tried
 */
public record LatentClusters(float[][] centroids, int[] sizes, Map<Integer, Double> silhouettes) {

  /** The cluster of an embedding and its distance to that cluster's centroid. */
  public record Assignment(int cluster, double distance) {}

  public LatentClusters {
    Objects.requireNonNull(centroids, "centroids");
    if (centroids.length == 0 || sizes.length != centroids.length) {
      throw new IllegalArgumentException("need at least one centroid and a size for each");
    }
    for (float[] c : centroids) {
      if (c.length != centroids[0].length) {
        throw new IllegalArgumentException("centroids differ in length");
      }
    }
    silhouettes = Map.copyOf(silhouettes);
  }

  public int k() {
    return centroids.length;
  }

  public int dimension() {
    return centroids[0].length;
  }

  public Assignment assign(float[] embedding) {
    if (embedding.length != dimension()) {
      throw new IllegalArgumentException("embedding of length " + embedding.length + ", clusters of " + dimension());
    }
    int best = 0;
    double bestSq = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double sq = squaredDistance(embedding, centroids[c]);
      if (sq < bestSq) {
        bestSq = sq;
        best = c;
      }
    }
    return new Assignment(best, Math.sqrt(bestSq));
  }

  /** Squared L2 distance of two vectors of one length, summed in double. */
  static double squaredDistance(float[] a, float[] b) {
    double sq = 0;
    for (int d = 0; d < a.length; d++) {
      double diff = a[d] - b[d];
      sq += diff * diff;
    }
    return sq;
  }
}
