package org.nightjar.models.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The inverted file must equal a brute force when every list is probed, find nearly all true
 * neighbours of clustered data with a few probes, always return {@code min(k, size)} rows with
 * exact distances, and build the same index from the same rows and seed.
 */
class ClusteredLatentIndexTest {

  private static ClusteredIndexOptions options(int lists, int probes) {
    return new ClusteredIndexOptions(lists, probes, 64 * lists, 10, 7L);
  }

  private static void assertSame(Neighbourhoods expected, Neighbourhoods actual) {
    assertEquals(expected.queries(), actual.queries(), "queries");
    for (int q = 0; q < expected.queries(); q++) {
      assertArrayEquals(expected.rows()[q], actual.rows()[q], "rows of query " + q);
      assertArrayEquals(expected.distances()[q], actual.distances()[q], "distances of query " + q);
    }
  }

  /** {@code clouds} centres in N(0, 1), each with {@code perCloud} copies plus noise of {@code spread} per coordinate. */
  private static float[][] clouds(int clouds, int perCloud, int d, double spread, long seed) {
    float[][] centres = BruteForce.gaussian(clouds, d, 0.0, 1.0, seed);
    SplittableRandom random = new SplittableRandom(seed + 1);
    float[][] rows = new float[clouds * perCloud][d];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < d; j++) {
        rows[i][j] = (float) (centres[i % clouds][j] + spread * BruteForce.gaussian(random));
      }
    }
    return rows;
  }

  @Test
  void shouldEqualBruteForceWhenEveryListIsProbed() {
    float[][] gaussian = BruteForce.gaussian(2000, 16, 0.0, 1.0, 1);
    float[][] lowRank = BruteForce.lowRank(1500, 32, 4, 0.01, 2);
    for (float[][] refs : List.of(gaussian, lowRank)) {
      float[][] queries = BruteForce.gaussian(50, refs[0].length, 0.0, 1.0, 3);
      ClusteredLatentIndex index = ClusteredLatentIndex.build(refs, options(24, 1));
      ClusteredLatentIndex all = index.withProbes(index.lists());
      for (int k : new int[] {1, 5, 40}) {
        assertSame(BruteForce.search(refs, queries, k), all.search(queries, k));
      }
      assertSame(ExactLatentIndex.build(refs).search(queries, 5), all.search(queries, 5));
    }
  }

  @Test
  void shouldFindNearlyAllNeighboursOfCloudsWithFewProbes() {
    float[][] refs = clouds(80, 50, 32, 0.05, 4);
    float[][] queries = new float[300][];
    float[][] fresh = clouds(80, 4, 32, 0.05, 4); // same centres, new noise
    System.arraycopy(fresh, 0, queries, 0, queries.length);
    Neighbourhoods truth = BruteForce.search(refs, queries, 5);
    ClusteredLatentIndex index = ClusteredLatentIndex.build(refs, options(100, 3));
    double recall = Recall.of(truth, index.search(queries, 5));
    assertTrue(recall >= 0.97, "recall@5 with 3 of " + index.lists() + " lists: " + recall);
    double one = Recall.of(truth, index.withProbes(1).search(queries, 5));
    assertTrue(one <= recall, "one probe cannot find more than three: " + one + " > " + recall);
  }

  @Test
  void shouldReturnEveryRowWhenKExceedsTheSize() {
    float[][] refs = BruteForce.gaussian(10, 4, 0.0, 1.0, 5);
    float[][] queries = BruteForce.gaussian(3, 4, 0.0, 1.0, 6);
    Neighbourhoods result = ClusteredLatentIndex.build(refs, options(3, 1)).search(queries, 25);
    assertEquals(10, result.rows()[0].length);
    assertSame(BruteForce.search(refs, queries, 25), result);
  }

  @Test
  void shouldTakeFurtherListsWhenTheProbedOnesHoldFewerThanK() {
    float[][] refs = BruteForce.gaussian(200, 8, 0.0, 1.0, 7);
    float[][] queries = BruteForce.gaussian(20, 8, 0.0, 1.0, 8);
    ClusteredLatentIndex index = ClusteredLatentIndex.build(refs, options(50, 1));
    assertTrue(index.longestList() < 30, "lists too long for the test: " + index.longestList());
    Neighbourhoods found = index.search(queries, 30);
    for (int q = 0; q < queries.length; q++) {
      int[] rows = found.rows()[q];
      assertEquals(30, rows.length);
      Set<Integer> distinct = new HashSet<>();
      for (int i = 0; i < rows.length; i++) {
        assertTrue(distinct.add(rows[i]), "row " + rows[i] + " twice");
        float exact = (float) Math.sqrt(ExactDistances.squared(queries[q], refs[rows[i]]));
        assertEquals(exact, found.distances()[q][i], "distance of row " + rows[i]);
        assertTrue(i == 0 || found.distances()[q][i - 1] <= found.distances()[q][i], "ascending");
      }
    }
  }

  @Test
  void shouldDropListsThatKMeansLeavesEmpty() {
    // Three distinct vectors, 100 copies each: at most three lists can hold rows.
    float[][] distinct = BruteForce.gaussian(3, 16, 0.0, 1.0, 9);
    float[][] refs = new float[300][];
    for (int i = 0; i < refs.length; i++) {
      refs[i] = distinct[i % 3].clone();
    }
    ClusteredLatentIndex index = ClusteredLatentIndex.build(refs, options(10, 10));
    assertTrue(index.lists() <= 3, "lists: " + index.lists());
    float[][] queries = {distinct[0].clone(), distinct[2].clone(), BruteForce.gaussian(1, 16, 0.0, 1.0, 10)[0]};
    // Ties among the copies go to the lower row, as in the exact index.
    assertSame(BruteForce.search(refs, queries, 7), index.search(queries, 7));
    assertArrayEquals(new int[] {0, 3, 6, 9, 12}, index.withProbes(1).search(queries, 5).rows()[0]);
  }

  @Test
  void shouldBuildTheSameIndexFromTheSameRowsAndSeed() {
    float[][] refs = clouds(40, 30, 16, 0.1, 11);
    float[][] queries = BruteForce.gaussian(100, 16, 0.0, 1.0, 12);
    ClusteredLatentIndex a = ClusteredLatentIndex.build(refs, options(30, 2));
    ClusteredLatentIndex b = ClusteredLatentIndex.build(refs, options(30, 2));
    assertEquals(a.lists(), b.lists());
    assertEquals(a.longestList(), b.longestList());
    assertSame(a.search(queries, 5), b.search(queries, 5));
  }

  @Test
  void shouldAnswerTheSameFromSeveralThreads() throws Exception {
    float[][] refs = clouds(50, 40, 16, 0.1, 13);
    float[][] queries = BruteForce.gaussian(64, 16, 0.0, 1.0, 14);
    ClusteredLatentIndex index = ClusteredLatentIndex.build(refs, options(40, 3));
    Neighbourhoods expected = index.search(queries, 5);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Neighbourhoods>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> index.search(queries, 5)));
      }
      for (Future<Neighbourhoods> r : results) {
        assertSame(expected, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldRejectBadOptionsAndQueries() {
    assertThrows(IllegalArgumentException.class, () -> new ClusteredIndexOptions(0, 1, 10, 5, 1L));
    assertThrows(IllegalArgumentException.class, () -> new ClusteredIndexOptions(4, 0, 10, 5, 1L));
    assertThrows(IllegalArgumentException.class, () -> new ClusteredIndexOptions(4, 1, 10, -1, 1L));
    float[][] refs = BruteForce.gaussian(20, 4, 0.0, 1.0, 15);
    ClusteredLatentIndex index = ClusteredLatentIndex.build(refs);
    assertThrows(IllegalArgumentException.class, () -> index.search(new float[][] {{1f, 2f}}, 5));
    assertThrows(IllegalArgumentException.class, () -> index.search(refs, 0));
    assertThrows(IllegalArgumentException.class, () -> ClusteredLatentIndex.build(new float[0][]));
  }
}
