package org.nightjar.models.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexKindTest {

  @Test
  void shouldParseEitherNameInAnyCase() {
    assertEquals(IndexKind.EXACT, IndexKind.parse("exact"));
    assertEquals(IndexKind.EXACT, IndexKind.parse(" EXACT "));
    assertEquals(IndexKind.APPROXIMATE, IndexKind.parse("Approximate"));
    assertEquals(IndexKind.CLUSTERED, IndexKind.parse("clustered "));
    for (IndexKind kind : IndexKind.values()) {
      assertEquals(kind, IndexKind.parse(kind.label()));
    }
  }

  @Test
  void shouldRejectOtherNamesSayingWhatIsAccepted() {
    for (String bad : new String[] {"", "approx", "hnsw", "exactly"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndexKind.parse(bad));
      assertTrue(e.getMessage().contains("exact, approximate or clustered"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> IndexKind.parse(null));
  }

  @Test
  void shouldBuildItsKindOfIndex() {
    float[][] v = BruteForce.gaussian(200, 8, 0.0, 1.0, 31);
    LatentIndex exact = IndexKind.EXACT.build(v);
    LatentIndex approximate = IndexKind.APPROXIMATE.build(v);
    LatentIndex clustered = IndexKind.CLUSTERED.build(v);
    assertInstanceOf(ExactLatentIndex.class, exact);
    assertInstanceOf(ApproximateLatentIndex.class, approximate);
    assertInstanceOf(ClusteredLatentIndex.class, clustered);
    assertEquals(200, clustered.size());
    assertEquals(200, approximate.size());
    assertEquals(8, exact.dimension());
    assertEquals(3, exact.search(new float[][] {v[3]}, 1).rows()[0][0]);
    assertEquals(3, approximate.search(new float[][] {v[3]}, 1).rows()[0][0]);
    assertEquals(3, clustered.search(new float[][] {v[3]}, 1).rows()[0][0]);
  }

  @Test
  void shouldGiveAnInvertedFileTheProbesItIsToldAndNobodyElse() {
    float[][] v = BruteForce.gaussian(500, 8, 0.0, 1.0, 41);
    float[][] queries = BruteForce.gaussian(50, 8, 0.0, 1.0, 42);
    int lists = ClusteredIndexOptions.forSize(v.length).lists();
    Neighbourhoods exact = IndexKind.EXACT.build(v).search(queries, 5);
    LatentIndex everyList = IndexKind.CLUSTERED.build(v, lists);
    assertEquals(1.0, Recall.of(exact, everyList.search(queries, 5)), "every list probed: the exact answers");
    double oneList = Recall.of(exact, IndexKind.CLUSTERED.build(v, 1).search(queries, 5));
    assertTrue(oneList < 1.0, "one probe of " + lists + " lists on Gaussian data misses some: " + oneList);
    assertInstanceOf(ExactLatentIndex.class, IndexKind.EXACT.build(v, 3));
  }
}
