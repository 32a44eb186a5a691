package org.nightjar.models.preprocess;

import java.util.Arrays;

/**
 * The k-th smallest of a range of doubles by most-significant-digit radix selection: each value
 * becomes a 64-bit key whose unsigned order is the order of {@link Double#compare} (so -0.0 comes
 * before 0.0, as {@link Arrays#sort(double[])} has it), and passes over 8-bit digits from the top
 * keep only the bucket that holds rank k, until few keys are left to sort. Every pass is a
 * straight count with no data-dependent branch, which is what makes it faster than a
 * quickselect on stamp-sized inputs, whose comparisons the processor cannot predict.
 *
 * <p>The values must not be NaN. The input is left as it was; thread-safe (scratch space is
 * per thread).
 */
final class RadixSelect {
  private static final int DIGIT_BITS = 8;
  private static final int BUCKETS = 1 << DIGIT_BITS;
  /** Below this many keys left, sorting them is cheaper than another pass. */
  private static final int SORT_BELOW = 64;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private RadixSelect() {}

  /** The value of rank {@code k} (0-based) among {@code values[0..n)}. */
  static double kth(double[] values, int n, int k) {
    if (k < 0 || k >= n || n > values.length) {
      throw new IllegalArgumentException("rank " + k + " of " + n + " values");
    }
    Scratch scratch = SCRATCH.get();
    long[] keys = scratch.keys(n);
    for (int i = 0; i < n; i++) {
      keys[i] = key(values[i]);
    }
    int[] histogram = scratch.histogram;
    int count = n;
    int rank = k;
    for (int shift = Long.SIZE - DIGIT_BITS; shift >= 0 && count >= SORT_BELOW; shift -= DIGIT_BITS) {
      Arrays.fill(histogram, 0);
      for (int i = 0; i < count; i++) {
        histogram[(int) (keys[i] >>> shift) & (BUCKETS - 1)]++;
      }
      int bucket = 0;
      while (rank >= histogram[bucket]) {
        rank -= histogram[bucket++];
      }
      int kept = 0;
      for (int i = 0; i < count; i++) {
        long key = keys[i];
        keys[kept] = key;
        kept += ((int) (key >>> shift) & (BUCKETS - 1)) == bucket ? 1 : 0;
      }
      count = kept;
    }
    // Signed order of (key ^ MIN_VALUE) is the unsigned order of key.
    for (int i = 0; i < count; i++) {
      keys[i] ^= Long.MIN_VALUE;
    }
    Arrays.sort(keys, 0, count);
    return value(keys[rank] ^ Long.MIN_VALUE);
  }

  /** A key whose unsigned order is the order of the doubles. */
  static long key(double value) {
    long bits = Double.doubleToRawLongBits(value);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  private static double value(long key) {
    return Double.longBitsToDouble(key < 0 ? key ^ Long.MIN_VALUE : ~key);
  }

  private static final class Scratch {
    final int[] histogram = new int[BUCKETS];
    long[] keys = new long[4096];

    long[] keys(int n) {
      if (keys.length < n) {
        keys = new long[Math.max(n, 2 * keys.length)];
      }
      return keys;
    }
  }
}
