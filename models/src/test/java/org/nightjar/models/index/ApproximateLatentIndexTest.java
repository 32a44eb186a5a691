package org.nightjar.models.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The graph index on data shaped like embeddings (64 dimensions around a 6-dimensional latent
 * space): recall against the exact index, exact distances for what it finds, and the guarantees
 * it shares with the exact index (thread safety, deterministic build, input checks).
 */
class ApproximateLatentIndexTest {

  private static float[][] refs;
  private static float[][] queries;
  private static ApproximateLatentIndex index;

  @BeforeAll
  static void build() {
    float[][] all = BruteForce.lowRank(20_500, 64, 6, 0.05, 21);
    refs = Arrays.copyOf(all, 20_000);
    queries = Arrays.copyOfRange(all, 20_000, all.length);
    index = ApproximateLatentIndex.build(refs, ApproximateIndexOptions.defaults().withBuildThreads(2));
  }

  @Test
  void shouldFindAtLeast95PercentOfTheExactFiveNearest() {
    Neighbourhoods exact = ExactLatentIndex.build(refs).search(queries, 5);
    Neighbourhoods found = index.search(queries, 5);
    double recall = Recall.of(exact, found);
    assertTrue(recall >= 0.95, "recall@5 " + recall);
  }

  @Test
  void shouldReturnExactDistancesInOrder() {
    Neighbourhoods found = index.search(Arrays.copyOf(queries, 50), 10);
    for (int q = 0; q < 50; q++) {
      int[] rows = found.rows()[q];
      assertEquals(10, rows.length);
      for (int j = 0; j < rows.length; j++) {
        Neighbourhoods one = BruteForce.search(new float[][] {refs[rows[j]]}, new float[][] {queries[q]}, 1);
        assertEquals(one.distances()[0][0], found.distances()[q][j], "distance of query " + q + " to row " + rows[j]);
        if (j > 0) {
          float previous = found.distances()[q][j - 1];
          float current = found.distances()[q][j];
          assertTrue(previous < current || (previous == current && rows[j - 1] < rows[j]), "order of query " + q);
        }
      }
    }
  }

  @Test
  void shouldEqualBruteForceWhenTheBeamCoversEveryRow() {
    float[][] small = BruteForce.gaussian(50, 8, 0.0, 1.0, 22);
    float[][] q = BruteForce.gaussian(10, 8, 0.0, 1.0, 23);
    ApproximateLatentIndex tiny = ApproximateLatentIndex.build(small);
    for (int k : new int[] {1, 5, 50, 60}) {
      Neighbourhoods expected = BruteForce.search(small, q, k);
      Neighbourhoods actual = tiny.search(q, k);
      for (int i = 0; i < q.length; i++) {
        assertArrayEquals(expected.rows()[i], actual.rows()[i]);
        assertArrayEquals(expected.distances()[i], actual.distances()[i]);
      }
    }
  }

  @Test
  void shouldBuildTheSameGraphTwiceOnOneThread() {
    float[][] data = BruteForce.lowRank(3000, 32, 4, 0.05, 24);
    float[][] q = BruteForce.lowRank(100, 32, 4, 0.05, 25);
    ApproximateIndexOptions narrow = ApproximateIndexOptions.defaults().withSearchBeam(8);
    Neighbourhoods a = ApproximateLatentIndex.build(data, narrow).search(q, 5);
    Neighbourhoods b = ApproximateLatentIndex.build(data, narrow).search(q, 5);
    for (int i = 0; i < q.length; i++) {
      assertArrayEquals(a.rows()[i], b.rows()[i]);
      assertArrayEquals(a.distances()[i], b.distances()[i]);
    }
  }

  @Test
  void shouldNotDependOnTheScaleOfTheVectors() {
    // Neighbours 10⁻⁶ apart: without the index's rescaling, 1 / (1 + d²) would be 1 for all of them.
    float[][] data = BruteForce.lowRank(3000, 32, 4, 0.05, 26);
    float[][] q = BruteForce.lowRank(100, 32, 4, 0.05, 27);
    float[][] tinyData = scaled(data, -20);
    float[][] tinyQ = scaled(q, -20);
    ApproximateIndexOptions narrow = ApproximateIndexOptions.defaults().withSearchBeam(8);
    Neighbourhoods plain = ApproximateLatentIndex.build(data, narrow).search(q, 5);
    Neighbourhoods tiny = ApproximateLatentIndex.build(tinyData, narrow).search(tinyQ, 5);
    for (int i = 0; i < q.length; i++) {
      assertArrayEquals(plain.rows()[i], tiny.rows()[i]);
      for (int j = 0; j < 5; j++) {
        assertEquals(Math.scalb(plain.distances()[i][j], -20), tiny.distances()[i][j]);
      }
    }
  }

  @Test
  void shouldGiveTheSameAnswersToConcurrentSearches() throws Exception {
    List<float[][]> batches = new ArrayList<>();
    List<Neighbourhoods> expected = new ArrayList<>();
    for (int b = 0; b < 5; b++) {
      float[][] batch = Arrays.copyOfRange(queries, b * 100, (b + 1) * 100);
      batches.add(batch);
      expected.add(index.search(batch, 5));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Neighbourhoods>> futures = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (float[][] batch : batches) {
          futures.add(pool.submit(() -> index.search(batch, 5)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        Neighbourhoods want = expected.get(i % batches.size());
        Neighbourhoods got = futures.get(i).get();
        for (int q = 0; q < want.queries(); q++) {
          assertArrayEquals(want.rows()[q], got.rows()[q]);
          assertArrayEquals(want.distances()[q], got.distances()[q]);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldRejectBadInputs() {
    float[][] ok = {new float[64]};
    assertThrows(IllegalArgumentException.class, () -> index.search(ok, 0));
    assertThrows(IllegalArgumentException.class, () -> index.search(new float[][] {new float[63]}, 5));
    assertThrows(IllegalArgumentException.class, () -> index.search(new float[][] {null}, 5));
    assertThrows(IllegalArgumentException.class, () -> ApproximateLatentIndex.build(new float[0][]));
    assertThrows(IllegalArgumentException.class, () -> ApproximateLatentIndex.build(new float[][] {{1f}, {1f, 2f}}));
    assertThrows(IllegalArgumentException.class,
        () -> new ApproximateIndexOptions(16, 50, 0.5f, 1.2f, true, 10, 1, GraphSearch.COMPACT));
    assertThrows(IllegalArgumentException.class, () -> ApproximateIndexOptions.defaults().withSearchBeam(0));
  }

  private static float[][] scaled(float[][] v, int exponent) {
    float[][] out = new float[v.length][];
    for (int i = 0; i < v.length; i++) {
      out[i] = new float[v[i].length];
      for (int j = 0; j < v[i].length; j++) {
        out[i][j] = Math.scalb(v[i][j], exponent);
      }
    }
    return out;
  }
}
