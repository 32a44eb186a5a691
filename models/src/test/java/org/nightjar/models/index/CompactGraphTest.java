package org.nightjar.models.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compact, breadth-first copy of the graph and its own beam search: it finds what jvector's
 * searcher finds on the same graph (recall on a fixed seed), the rows come back in the caller's
 * numbering with exact distances, and the reordering is a true permutation.
 */
class CompactGraphTest {

  @ParameterizedTest
  @EnumSource(value = GraphSearch.class, names = {"COMPACT", "COMPACT_QUANTIZED"})
  void shouldReachAtLeastTheRecallOfJvectorsSearchOnTheSameGraph(GraphSearch way) {
    float[][] all = BruteForce.lowRank(10_200, 64, 6, 0.05, 61);
    float[][] refs = Arrays.copyOf(all, 10_000);
    float[][] queries = Arrays.copyOfRange(all, 10_000, all.length);
    ApproximateIndexOptions options = ApproximateIndexOptions.defaults().withSearch(GraphSearch.JVECTOR);
    Neighbourhoods exact = ExactLatentIndex.build(refs).search(queries, 5);
    ApproximateLatentIndex jvector = ApproximateLatentIndex.build(refs, options);
    ApproximateLatentIndex compact = jvector.compacted(way);
    for (int beam : new int[] {16, 64}) {
      double byJvector = Recall.of(exact, jvector.withSearchBeam(beam).search(queries, 5));
      double byCompact = Recall.of(exact, compact.withSearchBeam(beam).search(queries, 5));
      assertTrue(byCompact >= byJvector - 0.01, way + " beam " + beam + ": " + byCompact + ", jvector " + byJvector);
      assertTrue(byCompact >= 0.95, way + " beam " + beam + ": recall@5 " + byCompact);
    }
  }

  @Test
  void shouldReturnExactDistancesFromQuantisedWalks() {
    float[][] refs = BruteForce.lowRank(3000, 32, 4, 0.05, 65);
    float[][] queries = BruteForce.lowRank(50, 32, 4, 0.05, 66);
    ApproximateLatentIndex index = ApproximateLatentIndex.build(refs,
        ApproximateIndexOptions.defaults().withSearchBeam(16).withSearch(GraphSearch.COMPACT_QUANTIZED));
    Neighbourhoods found = index.search(queries, 5);
    for (int q = 0; q < queries.length; q++) {
      for (int j = 0; j < 5; j++) {
        int row = found.rows()[q][j];
        float want = BruteForce.search(new float[][] {refs[row]}, new float[][] {queries[q]}, 1).distances()[0][0];
        assertEquals(want, found.distances()[q][j], "query " + q + " row " + row);
        if (j > 0) {
          assertTrue(found.distances()[q][j - 1] <= found.distances()[q][j], "order of query " + q);
        }
      }
    }
  }

  @Test
  void shouldBoundTheQuantisationError() {
    float[][] rows = BruteForce.gaussian(500, 16, 0.0, 3.0, 67);
    float[] flat = Vectors.flatten(rows);
    QuantizedRows quantised = QuantizedRows.of(flat, rows.length, 16);
    WalkScores scores = quantised.scores();
    float[] query = BruteForce.gaussian(1, 16, 0.0, 3.0, 68)[0];
    scores.query(query);
    for (int i = 0; i < rows.length; i++) {
      double exact = Math.sqrt(ExactDistances.squared(query, rows[i]));
      double walked = Math.sqrt(scores.squared(i));
      assertTrue(Math.abs(exact - walked) <= quantised.errorRadius() * (1 + 1e-4) + 1e-5,
          "row " + i + ": exact " + exact + ", quantised " + walked + ", radius " + quantised.errorRadius());
    }
  }

  @Test
  void shouldGiveTheSameAnswersBuiltCompactOrCompactedAfterwards() {
    float[][] refs = BruteForce.lowRank(3000, 32, 4, 0.05, 62);
    float[][] queries = BruteForce.lowRank(100, 32, 4, 0.05, 63);
    ApproximateIndexOptions narrow = ApproximateIndexOptions.defaults().withSearchBeam(8);
    Neighbourhoods built = ApproximateLatentIndex.build(refs, narrow).search(queries, 5);
    Neighbourhoods compacted = ApproximateLatentIndex.build(refs, narrow.withSearch(GraphSearch.JVECTOR)).compacted(GraphSearch.COMPACT)
        .search(queries, 5);
    for (int q = 0; q < queries.length; q++) {
      assertArrayEquals(built.rows()[q], compacted.rows()[q]);
      assertArrayEquals(built.distances()[q], compacted.distances()[q]);
      for (int j = 0; j < 5; j++) {
        int row = built.rows()[q][j];
        float want = BruteForce.search(new float[][] {refs[row]}, new float[][] {queries[q]}, 1).distances()[0][0];
        assertEquals(want, built.distances()[q][j], "query " + q + " row " + row);
      }
    }
  }

  @Test
  void shouldNotCompactTwice() {
    ApproximateLatentIndex compact = ApproximateLatentIndex.build(BruteForce.gaussian(100, 8, 0, 1, 64));
    assertThrows(IllegalStateException.class, () -> compact.compacted(GraphSearch.COMPACT_QUANTIZED));
  }

  @Test
  void shouldPermuteRowsInPlace() {
    int n = 7;
    int d = 3;
    float[] vectors = new float[n * d];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = i;
    }
    int[] order = {3, 0, 6, 1, 2, 5, 4};
    float[] expected = new float[n * d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(vectors, order[i] * d, expected, i * d, d);
    }
    CompactCandidates.permuteRows(vectors, d, order);
    assertArrayEquals(expected, vectors);
  }
}
