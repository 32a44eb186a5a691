package org.nightjar.models.index;

import java.util.Locale;

/** Placeholder until the index implementations land: a plain exact scan. */
public enum IndexKind {
  EXACT,
  APPROXIMATE;

  public static IndexKind parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  public LatentIndex build(float[][] vectors) {
    return new LatentIndex() {
      @Override
      public int dimension() {
        return vectors.length == 0 ? 0 : vectors[0].length;
      }

      @Override
      public int size() {
        return vectors.length;
      }

      @Override
      public Neighbourhoods search(float[][] queries, int k) {
        int kk = Math.min(k, vectors.length);
        int[][] rows = new int[queries.length][kk];
        float[][] dist = new float[queries.length][kk];
        for (int q = 0; q < queries.length; q++) {
          double[] d = new double[vectors.length];
          Integer[] order = new Integer[vectors.length];
          for (int i = 0; i < vectors.length; i++) {
            double s = 0;
            for (int j = 0; j < queries[q].length; j++) {
              double diff = queries[q][j] - vectors[i][j];
              s += diff * diff;
            }
            d[i] = Math.sqrt(s);
            order[i] = i;
          }
          java.util.Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
          for (int j = 0; j < kk; j++) {
            rows[q][j] = order[j];
            dist[q][j] = (float) d[order[j]];
          }
        }
        return new Neighbourhoods(rows, dist);
      }
    };
  }
}
