package org.nightjar.models.anomaly;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.nightjar.models.index.IndexKind;
import org.nightjar.models.index.LatentIndex;
import org.nightjar.models.index.Neighbourhoods;

/**
 * The search vectors of the most recently scored alerts of one survey, for the novelty score: how
 * far an alert is from what the stream brought tonight, where the anomaly score says how far it is
 * from the reference set. A bounded window, kept in memory only: it starts empty, forgets the
 * oldest alerts as new ones come, and is lost on restart.
 *
 * <p>The window is a queue of segments: full segments are frozen into an exact index each (one
 * matrix product per search, as for the references), the newest segment is searched row by row
 * until it fills. It holds the last {@code window} alerts and up to one segment more
 * ({@value #SEGMENT} alerts, or {@code window} when smaller).
 *
 * <p>Thread-safe: searches share a read lock, additions take the write lock.
 */
public final class RecentAlerts {

  /** Rows of a segment at most. */
  static final int SEGMENT = 1024;

  private record Segment(LatentIndex index, long[] alertIds) {}

  private final int window;
  private final int segmentRows;
  private final ArrayDeque<Segment> frozen = new ArrayDeque<>();
  private final float[][] open;
  private final long[] openIds;
  private int openSize;
  private int frozenRows;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * @param window recent alerts to keep, at least 1
   */
  public RecentAlerts(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    this.window = window;
    this.segmentRows = Math.min(SEGMENT, window);
    this.open = new float[segmentRows][];
    this.openIds = new long[segmentRows];
  }

  /** Alerts in the window now. */
  public int size() {
    lock.readLock().lock();
    try {
      return frozenRows + openSize;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The k nearest recent alerts of each query, other than the query's own alert id, as in {@link
   * SurveyNeighbours#nearest}; rows are positions in no stable order, only distances and the
   * score are meaningful. Fewer than k when the window holds fewer.
   */
  public SurveyNeighbours.Nearest[] nearest(float[][] queries, long[] alertIds, int k) {
    lock.readLock().lock();
    try {
      Candidates[] candidates = new Candidates[queries.length];
      for (int q = 0; q < queries.length; q++) {
        candidates[q] = new Candidates(k);
      }
      for (Segment s : frozen) {
        Neighbourhoods found = s.index().search(queries, Math.min(k + 1, s.alertIds().length));
        for (int q = 0; q < queries.length; q++) {
          for (int j = 0; j < found.rows()[q].length; j++) {
            if (s.alertIds()[found.rows()[q][j]] != alertIds[q]) {
              candidates[q].offer(found.distances()[q][j]);
            }
          }
        }
      }
      for (int q = 0; q < queries.length; q++) {
        for (int r = 0; r < openSize; r++) {
          if (openIds[r] != alertIds[q]) {
            candidates[q].offer(distance(queries[q], open[r]));
          }
        }
      }
      SurveyNeighbours.Nearest[] out = new SurveyNeighbours.Nearest[queries.length];
      for (int q = 0; q < queries.length; q++) {
        out[q] = candidates[q].nearest();
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Adds alerts to the window, forgetting the oldest segment when it is full. */
  public void add(float[][] vectors, long[] alertIds) {
    if (vectors.length != alertIds.length) {
      throw new IllegalArgumentException(vectors.length + " vectors for " + alertIds.length + " ids");
    }
    lock.writeLock().lock();
    try {
      for (int i = 0; i < vectors.length; i++) {
        open[openSize] = Objects.requireNonNull(vectors[i]).clone();
        openIds[openSize++] = alertIds[i];
        if (openSize == segmentRows) {
          freeze();
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void freeze() {
    frozen.addLast(new Segment(IndexKind.EXACT.build(Arrays.copyOf(open, openSize)), Arrays.copyOf(openIds, openSize)));
    frozenRows += openSize;
    Arrays.fill(open, null);
    openSize = 0;
    while (frozenRows > window) {
      frozenRows -= frozen.removeFirst().alertIds().length;
    }
  }

  private static float distance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return (float) Math.sqrt(sum);
  }

  /** The k smallest distances offered, kept sorted. */
  private static final class Candidates {
    private final float[] best;
    private int size;

    Candidates(int k) {
      best = new float[k];
    }

    void offer(float d) {
      if (size == best.length && d >= best[size - 1]) {
        return;
      }
      int at = size < best.length ? size++ : size - 1;
      while (at > 0 && best[at - 1] > d) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = d;
    }

    SurveyNeighbours.Nearest nearest() {
      float[] d = Arrays.copyOf(best, size);
      return new SurveyNeighbours.Nearest(new int[size], d, SurveyNeighbours.medianOf(d));
    }
  }
}
