package org.nightjar.models.anomaly;

import java.util.Objects;
import org.nightjar.models.index.LatentIndex;
import org.nightjar.models.index.Neighbourhoods;
import org.nightjar.models.preprocess.Median;

/**
 * The k-nearest-neighbour anomaly score against one survey's references: the median L2 distance
 * from an embedding to its k nearest reference embeddings (the Hyrax seed's score).
 *
 * <p>Thread-safe: the references are immutable and the index may be searched concurrently.
 */
public final class SurveyNeighbours {

  /** The k nearest references of one query, nearest first, and their median distance. */
  public record Nearest(int[] rows, float[] distances, double score) {

    /** The {@code k} nearest of these (all when there are fewer), scored by their own median. */
    public Nearest first(int k) {
      if (k >= rows.length) {
        return this;
      }
      float[] d = java.util.Arrays.copyOf(distances, k);
      return new Nearest(java.util.Arrays.copyOf(rows, k), d, medianOf(d));
    }
  }

  private final SurveyReferences references;
  private final LatentIndex index;

  public SurveyNeighbours(SurveyReferences references, LatentIndex index) {
    this.references = Objects.requireNonNull(references, "references");
    this.index = Objects.requireNonNull(index, "index");
    if (index.size() != references.size()) {
      throw new IllegalArgumentException("index of " + index.size() + " rows for " + references.size() + " references");
    }
  }

  public SurveyReferences references() {
    return references;
  }

  /**
   * The k nearest references of each query. A reference with the query's own alert id is not its
   * neighbour (an alert of the reference set scored again).
   */
  public Nearest[] nearest(float[][] queries, long[] alertIds, int k) {
    Neighbourhoods found = index.search(queries, k + 1);
    Nearest[] out = new Nearest[queries.length];
    for (int q = 0; q < queries.length; q++) {
      long self = alertIds[q];
      out[q] = keep(found.rows()[q], found.distances()[q], k, row -> references.alertIds()[row] == self);
    }
    return out;
  }

  /**
   * Each reference's score against the others, leaving out every reference of the same object,
   * not only itself. A new alert on the stream almost always belongs to an object the reference
   * set has never seen, so this is the score distribution new alerts are calibrated against;
   * leaving out only the alert itself would let an object's other detections (often near
   * duplicates) pull the reference scores down and push every new alert's percentile up.
   */
  public double[] leaveOneObjectOutScores(int k) {
    Nearest[] nearest = leaveOneObjectOut(k);
    double[] scores = new double[nearest.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = nearest[i].score();
    }
    return scores;
  }

  /** Each reference's k nearest references of other objects (see {@link #leaveOneObjectOutScores}). */
  public Nearest[] leaveOneObjectOut(int k) {
    int n = references.size();
    int extra = references.maxAlertsPerObject();
    Nearest[] out = new Nearest[n];
    int block = 512;
    for (int start = 0; start < n; start += block) {
      int end = Math.min(n, start + block);
      float[][] queries = java.util.Arrays.copyOfRange(references.vectors(), start, end);
      Neighbourhoods found = index.search(queries, k + extra);
      for (int q = 0; q < queries.length; q++) {
        String object = references.objectIds()[start + q];
        out[start + q] = keep(found.rows()[q], found.distances()[q], k, row -> references.objectIds()[row].equals(object));
      }
    }
    return out;
  }

  private static Nearest keep(int[] rows, float[] distances, int k, java.util.function.IntPredicate excluded) {
    int[] keptRows = new int[Math.min(k, rows.length)];
    float[] keptDistances = new float[keptRows.length];
    int kept = 0;
    for (int j = 0; j < rows.length && kept < keptRows.length; j++) {
      if (!excluded.test(rows[j])) {
        keptRows[kept] = rows[j];
        keptDistances[kept++] = distances[j];
      }
    }
    keptRows = java.util.Arrays.copyOf(keptRows, kept);
    keptDistances = java.util.Arrays.copyOf(keptDistances, kept);
    return new Nearest(keptRows, keptDistances, medianOf(keptDistances));
  }

  static double medianOf(float[] distances) {
    double[] d = new double[distances.length];
    for (int j = 0; j < d.length; j++) {
      d[j] = distances[j];
    }
    return d.length == 0 ? Double.NaN : Median.ofFirst(d, d.length);
  }
}
