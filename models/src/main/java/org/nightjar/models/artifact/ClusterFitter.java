package org.nightjar.models.artifact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Clusters reference embeddings with commons-math3's k-means++ (best of several seeded starts for
 * each K) and chooses K by the mean silhouette, the usual criterion when no K is known in advance:
 * how much closer each point is to its own cluster than to the next one. Deterministic for a
 * given seed and input order.
 */
public final class ClusterFitter {

  /** Points beyond this are subsampled (seeded) for the silhouette, which costs n² distances. */
  private static final int SILHOUETTE_SAMPLE = 3_000;

  private final int minK;
  private final int maxK;
  private final int starts;
  private final long seed;

  public ClusterFitter(int minK, int maxK, int starts, long seed) {
    if (minK < 2 || maxK < minK) {
      throw new IllegalArgumentException("need 2 <= minK <= maxK, got " + minK + ".." + maxK);
    }
    this.minK = minK;
    this.maxK = maxK;
    this.starts = starts;
    this.seed = seed;
  }

  /** K in 3..8, five starts per K. */
  public static ClusterFitter standard(long seed) {
    return new ClusterFitter(3, 8, 5, seed);
  }

  public LatentClusters fit(float[][] vectors) {
    if (vectors.length < maxK * 2) {
      throw new IllegalArgumentException(vectors.length + " vectors are too few to try " + maxK + " clusters");
    }
    List<DoublePoint> points = new ArrayList<>(vectors.length);
    for (float[] v : vectors) {
      double[] d = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        d[i] = v[i];
      }
      points.add(new DoublePoint(d));
    }
    int[] sample = silhouetteSample(vectors.length);
    Map<Integer, Double> silhouettes = new LinkedHashMap<>();
    List<CentroidCluster<DoublePoint>> best = null;
    double bestSilhouette = Double.NEGATIVE_INFINITY;
    for (int k = minK; k <= maxK; k++) {
      JDKRandomGenerator random = new JDKRandomGenerator();
      random.setSeed(seed * 31 + k);
      KMeansPlusPlusClusterer<DoublePoint> one =
          new KMeansPlusPlusClusterer<>(k, 300, new EuclideanDistance(), random);
      List<CentroidCluster<DoublePoint>> clusters = new MultiKMeansPlusPlusClusterer<>(one, starts).cluster(points);
      LatentClusters candidate = toClusters(clusters, Map.of());
      double s = meanSilhouette(vectors, sample, candidate);
      silhouettes.put(k, s);
      if (s > bestSilhouette) {
        bestSilhouette = s;
        best = clusters;
      }
    }
    return toClusters(best, silhouettes);
  }

  private int[] silhouetteSample(int n) {
    if (n <= SILHOUETTE_SAMPLE) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    return new SplittableRandom(seed).ints(0, n).distinct().limit(SILHOUETTE_SAMPLE).sorted().toArray();
  }

  private static LatentClusters toClusters(List<CentroidCluster<DoublePoint>> clusters, Map<Integer, Double> silhouettes) {
    float[][] centroids = new float[clusters.size()][];
    int[] sizes = new int[clusters.size()];
    for (int c = 0; c < clusters.size(); c++) {
      double[] p = clusters.get(c).getCenter().getPoint();
      centroids[c] = new float[p.length];
      for (int i = 0; i < p.length; i++) {
        centroids[c][i] = (float) p[i];
      }
      sizes[c] = clusters.get(c).getPoints().size();
    }
    return new LatentClusters(centroids, sizes, silhouettes);
  }

  /** Mean silhouette over the sampled points, each assigned to its nearest centroid. */
  static double meanSilhouette(float[][] vectors, int[] sample, LatentClusters clusters) {
    int k = clusters.k();
    int[] label = new int[sample.length];
    int[] count = new int[k];
    for (int i = 0; i < sample.length; i++) {
      label[i] = clusters.assign(vectors[sample[i]]).cluster();
      count[label[i]]++;
    }
    double total = 0;
    for (int i = 0; i < sample.length; i++) {
      double[] sum = new double[k];
      float[] a = vectors[sample[i]];
      for (int j = 0; j < sample.length; j++) {
        if (j != i) {
          sum[label[j]] += distance(a, vectors[sample[j]]);
        }
      }
      int own = label[i];
      if (count[own] <= 1) {
        continue; // a singleton's silhouette is 0 by convention
      }
      double inside = sum[own] / (count[own] - 1);
      double nearestOther = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && count[c] > 0) {
          nearestOther = Math.min(nearestOther, sum[c] / count[c]);
        }
      }
      if (Double.isFinite(nearestOther)) {
        total += (nearestOther - inside) / Math.max(inside, nearestOther);
      }
    }
    return total / sample.length;
  }

  private static double distance(float[] a, float[] b) {
    return Math.sqrt(LatentClusters.squaredDistance(a, b));
  }
}
