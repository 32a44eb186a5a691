package org.nightjar.models.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The exact index must return what a plain double-precision brute force returns, row for row and
 * distance for distance, including the order of ties, for any size, k, batch and chunking.
 */
class ExactLatentIndexTest {

  /** Small chunks and blocks, so that a few hundred rows already cross many boundaries. */
  private static final ExactIndexOptions SMALL = new ExactIndexOptions(64, 16);

  private static void assertSame(Neighbourhoods expected, Neighbourhoods actual) {
    assertEquals(expected.queries(), actual.queries(), "queries");
    for (int q = 0; q < expected.queries(); q++) {
      assertArrayEquals(expected.rows()[q], actual.rows()[q], "rows of query " + q);
      assertArrayEquals(expected.distances()[q], actual.distances()[q], "distances of query " + q);
    }
  }

  private static void check(float[][] refs, float[][] queries, int k, ExactIndexOptions options) {
    ExactLatentIndex index = ExactLatentIndex.build(refs, options);
    assertEquals(refs.length, index.size());
    assertEquals(refs[0].length, index.dimension());
    assertSame(BruteForce.search(refs, queries, k), index.search(queries, k));
  }

  @Test
  void shouldEqualBruteForceOverSizesAndKs() {
    int[] sizes = {1, 2, 63, 64, 65, 500, 1000};
    int[] ks = {1, 5, 70};
    for (int n : sizes) {
      float[][] refs = BruteForce.gaussian(n, 8, 0.0, 1.0, n);
      float[][] queries = BruteForce.gaussian(37, 8, 0.0, 1.0, 1000 + n);
      for (int k : ks) {
        check(refs, queries, k, SMALL);
      }
    }
  }

  @Test
  void shouldEqualBruteForceWithDefaultChunkingAndSizeNotAMultipleOfTheChunk() {
    float[][] refs = BruteForce.gaussian(5000, 64, 0.0, 1.0, 1);
    float[][] queries = BruteForce.gaussian(300, 64, 0.0, 1.0, 2);
    ExactIndexOptions options = ExactIndexOptions.defaults();
    check(refs, queries, 5, options);
    check(refs, new float[][] {queries[0]}, 5, options);
    check(refs, queries, 1, new ExactIndexOptions(1000, 256));
  }

  @Test
  void shouldReturnEveryRowWhenKExceedsTheSize() {
    float[][] refs = BruteForce.gaussian(10, 4, 0.0, 1.0, 3);
    float[][] queries = BruteForce.gaussian(3, 4, 0.0, 1.0, 4);
    Neighbourhoods result = ExactLatentIndex.build(refs, SMALL).search(queries, 25);
    assertEquals(10, result.rows()[0].length);
    assertSame(BruteForce.search(refs, queries, 25), result);
  }

  @Test
  void shouldBreakTiesByLowerRowAmongDuplicates() {
    // 40 distinct vectors, each 25 times, interleaved: many exact ties, across chunk boundaries.
    float[][] distinct = BruteForce.gaussian(40, 16, 0.0, 1.0, 5);
    float[][] refs = new float[1000][];
    for (int i = 0; i < refs.length; i++) {
      refs[i] = distinct[i % 40].clone();
    }
    float[][] queries = new float[60][];
    for (int i = 0; i < 40; i++) {
      queries[i] = distinct[i].clone(); // distance 0 to 25 rows
    }
    float[][] others = BruteForce.gaussian(20, 16, 0.0, 1.0, 6);
    System.arraycopy(others, 0, queries, 40, 20);
    for (int k : new int[] {1, 5, 25, 30, 80}) {
      check(refs, queries, k, SMALL);
    }
    Neighbourhoods result = ExactLatentIndex.build(refs, SMALL).search(new float[][] {distinct[7]}, 3);
    assertArrayEquals(new int[] {7, 47, 87}, result.rows()[0]);
    assertArrayEquals(new float[] {0f, 0f, 0f}, result.distances()[0]);
  }

  @Test
  void shouldStayExactForNearVectorsFarFromTheOrigin() {
    // Float products lose most digits here (|q|² ≈ 10⁸ against d² ≈ 10⁻⁵): the exact pass must not.
    float[][] refs = BruteForce.gaussian(2000, 32, 1000.0, 1e-3, 7);
    float[][] queries = BruteForce.gaussian(50, 32, 1000.0, 1e-3, 8);
    check(refs, queries, 5, SMALL);
    check(refs, queries, 5, ExactIndexOptions.defaults());
  }

  @Test
  void shouldStayExactWhenFloatScoresCannotTellNeighboursApart() {
    // Two tight clusters far apart: centring cannot help, the float error (≈ 10) dwarfs d² (≈ 10⁻⁵)
    // and every row of a cluster stays a candidate until the double pass.
    float[][] refs = BruteForce.gaussian(600, 16, 0.0, 1e-3, 17);
    for (int i = 0; i < refs.length; i++) {
      for (int j = 0; j < 16; j++) {
        refs[i][j] += i % 2 == 0 ? 1000f : -1000f;
      }
    }
    float[][] queries = {refs[10].clone(), refs[11].clone(), refs[300].clone()};
    queries[0][3] += 1e-4f;
    check(refs, queries, 4, SMALL);
  }

  @Test
  void shouldStayExactOnClusteredData() {
    float[][] refs = BruteForce.lowRank(3000, 64, 6, 0.01, 9);
    float[][] queries = BruteForce.lowRank(200, 64, 6, 0.01, 9);
    check(refs, queries, 10, ExactIndexOptions.defaults());
  }

  @Test
  void shouldGiveTheSameAnswersToConcurrentSearches() throws Exception {
    float[][] refs = BruteForce.gaussian(3000, 32, 0.0, 1.0, 10);
    ExactLatentIndex index = ExactLatentIndex.build(refs, new ExactIndexOptions(512, 32));
    List<float[][]> batches = new ArrayList<>();
    List<Neighbourhoods> expected = new ArrayList<>();
    for (int b = 0; b < 8; b++) {
      float[][] queries = BruteForce.gaussian(100, 32, 0.0, 1.0, 100 + b);
      batches.add(queries);
      expected.add(index.search(queries, 7));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Neighbourhoods>> futures = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (float[][] queries : batches) {
          futures.add(pool.submit(() -> index.search(queries, 7)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertSame(expected.get(i % batches.size()), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertSame(BruteForce.search(refs, batches.get(0), 7), expected.get(0));
  }

  @Test
  void shouldBuildTheSameIndexTwice() {
    float[][] refs = BruteForce.gaussian(700, 12, 0.0, 1.0, 11);
    float[][] queries = BruteForce.gaussian(40, 12, 0.0, 1.0, 12);
    ExactLatentIndex a = ExactLatentIndex.build(refs, SMALL);
    ExactLatentIndex b = ExactLatentIndex.build(refs, SMALL);
    assertSame(a.search(queries, 9), b.search(queries, 9));
    assertEquals(a.nativeBytes(), b.nativeBytes());
  }

  @Test
  void shouldNotSeeLaterChangesToTheInput() {
    float[][] refs = BruteForce.gaussian(100, 4, 0.0, 1.0, 13);
    float[][] queries = BruteForce.gaussian(5, 4, 0.0, 1.0, 14);
    Neighbourhoods expected = BruteForce.search(refs, queries, 3);
    ExactLatentIndex index = ExactLatentIndex.build(refs, SMALL);
    for (float[] r : refs) {
      r[0] += 100f;
    }
    assertSame(expected, index.search(queries, 3));
  }

  @Test
  void shouldAnswerAnEmptyBatch() {
    ExactLatentIndex index = ExactLatentIndex.build(BruteForce.gaussian(10, 3, 0.0, 1.0, 15), SMALL);
    assertEquals(0, index.search(new float[0][], 4).queries());
  }

  @Test
  void shouldRejectBadInputs() {
    ExactLatentIndex index = ExactLatentIndex.build(BruteForce.gaussian(10, 3, 0.0, 1.0, 16), SMALL);
    float[][] ok = {{0f, 0f, 0f}};
    assertThrows(IllegalArgumentException.class, () -> index.search(ok, 0));
    assertThrows(IllegalArgumentException.class, () -> index.search(ok, -1));
    assertThrows(IllegalArgumentException.class, () -> index.search(new float[][] {{0f, 0f}}, 1));
    assertThrows(IllegalArgumentException.class, () -> index.search(new float[][] {{0f, 0f, 0f, 0f}}, 1));
    assertThrows(IllegalArgumentException.class, () -> index.search(new float[][] {null}, 1));
    assertThrows(IllegalArgumentException.class, () -> index.search(null, 1));
    assertThrows(IllegalArgumentException.class, () -> index.search(new float[][] {{0f, Float.NaN, 0f}}, 1));
    assertThrows(IllegalArgumentException.class, () -> ExactLatentIndex.build(new float[0][]));
    assertThrows(IllegalArgumentException.class, () -> ExactLatentIndex.build(new float[][] {{1f, 2f}, {1f}}));
    assertThrows(IllegalArgumentException.class, () -> ExactLatentIndex.build(new float[][] {{1f, Float.POSITIVE_INFINITY}}));
    assertThrows(IllegalArgumentException.class, () -> ExactLatentIndex.build(new float[][] {{}}));
    assertThrows(IllegalArgumentException.class, () -> new ExactIndexOptions(0, 16));
  }
}
