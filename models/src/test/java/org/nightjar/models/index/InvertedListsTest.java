package org.nightjar.models.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A scan of some lists must return exactly the nearest rows among those lists, ties to the lower row. */
class InvertedListsTest {

  @Test
  void shouldReturnTheNearestRowsOfTheScannedListsOnly() {
    float[][] refs = BruteForce.gaussian(300, 12, 0.0, 1.0, 21);
    int[] list = new int[refs.length];
    for (int i = 0; i < refs.length; i++) {
      list[i] = i % 3;
    }
    InvertedLists lists = InvertedLists.of(Vectors.flatten(refs), refs.length, 12, list, 3);
    assertEquals(3, lists.lists());
    assertEquals(100, lists.length(1));
    // The rows of lists 0 and 2, in row order: the brute force's row r there is row subset[r].
    int[] subset = new int[200];
    float[][] kept = new float[200][];
    for (int i = 0, n = 0; i < refs.length; i++) {
      if (i % 3 != 1) {
        subset[n] = i;
        kept[n++] = refs[i];
      }
    }
    float[][] queries = BruteForce.gaussian(20, 12, 0.0, 1.0, 22);
    Neighbourhoods expected = BruteForce.search(kept, queries, 7);
    InvertedLists.Scan scan = lists.scan(7);
    for (int q = 0; q < queries.length; q++) {
      int[] rows = new int[7];
      float[] distances = new float[7];
      scan.search(queries[q], new int[] {2, 0}, rows, distances);
      int[] want = new int[7];
      for (int i = 0; i < 7; i++) {
        want[i] = subset[expected.rows()[q][i]];
      }
      assertArrayEquals(want, rows, "rows of query " + q);
      assertArrayEquals(expected.distances()[q], distances, "distances of query " + q);
    }
  }

  @Test
  void shouldRejectAnEmptyList() {
    float[] flat = {0f, 1f, 2f, 3f};
    assertThrows(IllegalArgumentException.class, () -> InvertedLists.of(flat, 2, 2, new int[] {0, 2}, 3));
  }
}
