package org.nightjar.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecentAlertsTest {

  private static float[][] points(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] v = new float[n][6];
    for (float[] row : v) {
      for (int d = 0; d < row.length; d++) {
        row[d] = (float) r.nextGaussian();
      }
    }
    return v;
  }

  private static long[] ids(int from, int n) {
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = from + i;
    }
    return ids;
  }

  /** The k smallest distances from q to rows [from, to) of v, other than excluded. */
  private static float[] bruteForce(float[] q, float[][] v, int from, int to, int k, int excluded) {
    float[] d = new float[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      if (i == excluded) {
        continue;
      }
      double s = 0;
      for (int j = 0; j < q.length; j++) {
        s += (q[j] - v[i][j]) * (q[j] - v[i][j]);
      }
      d[n++] = (float) Math.sqrt(s);
    }
    d = Arrays.copyOf(d, n);
    Arrays.sort(d);
    return Arrays.copyOf(d, Math.min(k, n));
  }

  @Test
  void shouldFindTheNearestRecentAlertsAcrossFrozenAndOpenSegments() {
    float[][] v = points(2_500, 1);
    RecentAlerts recent = new RecentAlerts(10_000);
    recent.add(v, ids(0, v.length));
    assertEquals(2_500, recent.size());
    float[][] queries = Arrays.copyOfRange(v, 0, 20);
    SurveyNeighbours.Nearest[] found = recent.nearest(queries, ids(0, 20), 5);
    for (int q = 0; q < 20; q++) {
      assertArrayEquals(bruteForce(queries[q], v, 0, v.length, 5, q), found[q].distances(), 1e-4f,
          "query " + q + ": an alert is never its own neighbour and every segment is searched");
    }
  }

  @Test
  void shouldForgetTheOldestSegmentsBeyondTheWindow() {
    float[][] v = points(5_000, 2);
    RecentAlerts recent = new RecentAlerts(2_048);
    for (int from = 0; from < v.length; from += 100) {
      recent.add(Arrays.copyOfRange(v, from, Math.min(v.length, from + 100)), ids(from, Math.min(100, v.length - from)));
      assertTrue(recent.size() <= 2_048 + RecentAlerts.SEGMENT, "window overgrown: " + recent.size());
    }
    // 5,000 = 4 full segments + 904 open; the window keeps the 2 newest full ones and the open one.
    assertEquals(2 * RecentAlerts.SEGMENT + 904, recent.size());
    float[] q = v[0];
    int firstKept = 5_000 - recent.size();
    assertArrayEquals(bruteForce(q, v, firstKept, v.length, 5, -1), recent.nearest(new float[][] {q}, new long[] {-1}, 5)[0].distances(), 1e-4f);
  }

  @Test
  void shouldGiveFewerNeighboursWhileTheWindowIsStillFilling() {
    RecentAlerts recent = new RecentAlerts(100);
    assertEquals(0, recent.nearest(points(1, 3), new long[] {1}, 5)[0].distances().length);
    recent.add(points(3, 4), ids(10, 3));
    assertEquals(3, recent.nearest(points(1, 3), new long[] {1}, 5)[0].distances().length);
    assertThrows(IllegalArgumentException.class, () -> new RecentAlerts(0));
  }
}
