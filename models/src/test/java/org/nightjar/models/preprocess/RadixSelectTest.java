package org.nightjar.models.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RadixSelectTest {

  @Test
  void everyRankEqualsTheSortedValue() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + random.nextInt(700);
      float[] values = values(random, trial % 5, n);
      float[] copy = values.clone();
      float[] sorted = values.clone();
      Arrays.sort(sorted);
      for (int k = 0; k < n; k++) {
        assertEquals(sorted[k], RadixSelect.kth(values, n, k), "trial " + trial + " n=" + n + " k=" + k);
        if (k + 1 < n) {
          assertArrayEquals(new float[] {sorted[k], sorted[k + 1]}, RadixSelect.kthAndNext(values, n, k),
              "trial " + trial + " n=" + n + " k=" + k);
        }
      }
      assertArrayEquals(copy, values, "input left as it was");
    }
  }

  @Test
  void everyRankOfStampSizedRangesEqualsTheSortedValue() {
    // The digit narrows with the keys left, so these take other digit widths than the ranges above;
    // the (k+1)-th is found in whichever pass the k-th becomes the last of its bucket.
    SplittableRandom random = new SplittableRandom(13);
    for (int n : new int[] {1024, 3969}) {
      for (int kind = 0; kind < 5; kind++) {
        float[] values = values(random, kind, n);
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int k = 0; k + 1 < n; k++) {
          assertArrayEquals(new float[] {sorted[k], sorted[k + 1]}, RadixSelect.kthAndNext(values, n, k),
              "n=" + n + " kind " + kind + " k=" + k);
        }
      }
    }
  }

  private static float[] values(SplittableRandom random, int kind, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = switch (kind) {
        case 0 -> (float) (random.nextGaussian() * 1e3);
        case 1 -> random.nextInt(5) - 2; // many ties, negatives and zeros
        case 2 -> (float) Math.scalb(random.nextDouble() - 0.5, random.nextInt(-60, 60)); // exponents far apart
        case 3 -> Math.round(random.nextGaussian() * 8) / 16f + 100; // quantized pixels: long runs of equal values
        default -> i % 3 == 0 ? -0.0f : i % 3 == 1 ? 0.0f : Float.MIN_VALUE * (random.nextBoolean() ? 1 : -1);
      };
    }
    return values;
  }

  @Test
  void threadsSelectingAtOnceEachGetTheirOwnAnswer() throws Exception {
    // The keys and histogram are reused per thread; threads must never share them.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        done.add(pool.submit(() -> {
          SplittableRandom random = new SplittableRandom(seed);
          for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(4000);
            float[] values = values(random, trial % 5, n);
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(n);
            assertEquals(sorted[k], RadixSelect.kth(values, n, k), "seed " + seed + " trial " + trial);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theMedianOfAStampSizedRangeIsTheSortedMiddle() {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : new int[] {Median.RADIX_FROM - 1, Median.RADIX_FROM, Median.RADIX_FROM + 1, 1024, 3969, 4000}) {
      for (int kind = 0; kind < 5; kind++) {
        float[] values = values(random, kind, n);
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
          sorted[i] = values[i];
        }
        Arrays.sort(sorted);
        double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        assertEquals(expected, Median.ofFloats(values, n), 0.0, "n=" + n + " kind " + kind); // -0.0 == 0.0
      }
    }
  }

  @Test
  void keysSortAsTheFloatsDo() {
    float[] ordered = {Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1, -Float.MIN_VALUE, -0.0f, 0.0f, Float.MIN_VALUE, 1,
        Float.MAX_VALUE, Float.POSITIVE_INFINITY};
    for (int i = 1; i < ordered.length; i++) {
      assertEquals(-1, Integer.compare(RadixSelect.key(ordered[i - 1]), RadixSelect.key(ordered[i])), "at " + i);
    }
  }

  @Test
  void refusesARankOutsideTheRange() {
    assertThrows(IllegalArgumentException.class, () -> RadixSelect.kth(new float[3], 3, 3));
    assertThrows(IllegalArgumentException.class, () -> RadixSelect.kthAndNext(new float[3], 3, 2));
  }
}
