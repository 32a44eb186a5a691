package org.nightjar.models.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSelectTest {

  @Test
  void everyRankEqualsTheSortedValue() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 40; trial++) {
      int n = 1 + random.nextInt(700);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = switch (trial % 4) {
          case 0 -> random.nextGaussian() * 1e3;
          case 1 -> random.nextInt(5) - 2; // many ties, negatives and zeros
          case 2 -> Math.scalb(random.nextDouble() - 0.5, random.nextInt(-60, 60)); // exponents far apart
          default -> i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : Double.MIN_VALUE * (random.nextBoolean() ? 1 : -1);
        };
      }
      double[] copy = values.clone();
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      for (int k = 0; k < n; k++) {
        assertEquals(sorted[k], RadixSelect.kth(values, n, k), "trial " + trial + " n=" + n + " k=" + k);
      }
      assertEquals(Arrays.toString(copy), Arrays.toString(values), "input left as it was");
    }
  }

  @Test
  void theMedianOfAStampSizedRangeIsTheSortedMiddle() {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : new int[] {Median.RADIX_FROM, Median.RADIX_FROM + 1, 3969, 4000}) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(10) == 0 ? 1e4 * random.nextDouble() : 100 + random.nextGaussian();
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
      assertEquals(expected, Median.ofFirst(values, n), "n=" + n);
    }
  }

  @Test
  void keysSortAsTheDoublesDo() {
    double[] ordered = {Double.NEGATIVE_INFINITY, -1e300, -1, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 1, 1e300,
        Double.POSITIVE_INFINITY};
    for (int i = 1; i < ordered.length; i++) {
      assertEquals(-1, Long.compareUnsigned(RadixSelect.key(ordered[i - 1]), RadixSelect.key(ordered[i])), "at " + i);
    }
  }

  @Test
  void refusesARankOutsideTheRange() {
    assertThrows(IllegalArgumentException.class, () -> RadixSelect.kth(new double[3], 3, 3));
  }
}
