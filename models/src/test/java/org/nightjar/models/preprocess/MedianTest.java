package org.nightjar.models.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MedianTest {

  @Test
  void agreesWithTheSortedMiddleOnRandomDataOfEveryParity() {
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 1; n <= 300; n++) {
      double[] values = new double[n + 5];
      for (int i = 0; i < values.length; i++) {
        // Few distinct values for some n, so ties are common.
        values[i] = n % 3 == 0 ? random.nextInt(4) : random.nextGaussian() * 100;
      }
      double[] sorted = Arrays.copyOf(values, n);
      Arrays.sort(sorted);
      double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
      assertEquals(expected, Median.ofFirst(values, n), "n=" + n);
    }
  }

  @Test
  void selectionLeavesTheRangePartitionedAroundTheKthValue() {
    double[] values = {9, 1, 8, 2, 7, 3, 6, 4, 5, 5, 5, 0};
    Median.select(values, values.length, 4);
    assertEquals(4, values[4]);
    for (int i = 0; i < values.length; i++) {
      assertTrue(i < 4 ? values[i] <= 4 : values[i] >= 4, "index " + i);
    }
  }

  @Test
  void handlesConstantAndSortedInputs() {
    double[] flat = new double[4000];
    Arrays.fill(flat, 3.5);
    assertEquals(3.5, Median.ofFirst(flat, flat.length));
    double[] ascending = new double[1001];
    for (int i = 0; i < ascending.length; i++) {
      ascending[i] = i;
    }
    assertEquals(500, Median.ofFirst(ascending, ascending.length));
  }

  @Test
  void refusesAnEmptyRange() {
    assertThrows(IllegalArgumentException.class, () -> Median.ofFirst(new double[3], 0));
  }
}
