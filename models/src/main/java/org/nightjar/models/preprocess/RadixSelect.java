package org.nightjar.models.preprocess;

import java.util.Arrays;

/**
 * The k-th smallest of a range of floats by most-significant-digit radix selection: each float
 * becomes a 32-bit key whose order is the order of {@link Float#compare} (so -0.0 comes before
 * 0.0, as {@link Arrays#sort(float[])} has it), and counting passes over 11-bit digits
 * keep only the bucket that holds rank k. The first digit starts at the highest bit in which the
 * smallest and the largest key differ (a stamp's pixels usually share sign and exponent, and a
 * digit over those would put them all in one bucket); once every bit is used, the keys left are
 * all the same, so no sort is needed: a stamp whose pixels were quantized (many equal values)
 * costs no more than one of all-distinct values.
 *
 * <p>Every pass is a straight count with no data-dependent branch, which is what makes it faster
 * than a quickselect on stamp-sized inputs, whose comparisons the processor cannot predict.
 * Pixels are floats, so 32-bit keys carry all of their order in half the passes and half the
 * memory that 64-bit keys of the same values need.
 *
 * <p>The values must not be NaN. The input is left as it was; thread-safe.
 */
final class RadixSelect {
  private static final int DIGIT_BITS = 11;

  /**
   * Each thread's keys and histogram, reused: a stamp's medians and MADs take several selections
   * per alert, and fresh arrays for each were about a tenth of the bytes the stream allocated.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private RadixSelect() {}

  /** The value of rank {@code k} (0-based) among {@code values[0..n)}. */
  static float kth(float[] values, int n, int k) {
    return value(kthKey(values, n, k));
  }

  /**
   * The two values of ranks {@code k} and {@code k + 1}, as {@code {k-th, (k+1)-th}}: the middle
   * pair of an even count, for the price of one selection and one more pass.
   */
  static float[] kthAndNext(float[] values, int n, int k) {
    if (k + 1 >= n) {
      throw new IllegalArgumentException("rank " + (k + 1) + " of " + n + " values");
    }
    int lower = kthKey(values, n, k);
    int atMost = 0;
    int next = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      int key = key(values[i]);
      atMost += key <= lower ? 1 : 0;
      next = key > lower ? Math.min(next, key) : next;
    }
    // More than k + 1 keys at or below the k-th: the (k+1)-th is a tie with it.
    return new float[] {value(lower), value(atMost > k + 1 ? lower : next)};
  }

  private static int kthKey(float[] values, int n, int k) {
    if (k < 0 || k >= n || n > values.length) {
      throw new IllegalArgumentException("rank " + k + " of " + n + " values");
    }
    // Keys with the sign bit flipped: their unsigned order, which the digits follow, is the order
    // of the values.
    Scratch scratch = SCRATCH.get();
    int[] keys = scratch.keys(n);
    int lowest = Integer.MAX_VALUE;
    int highest = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int key = key(values[i]);
      keys[i] = key ^ Integer.MIN_VALUE;
      lowest = Math.min(lowest, key);
      highest = Math.max(highest, key);
    }
    // Bits above the highest one in which the extremes differ are the same in every key: start
    // below them, so that the first pass splits the values instead of counting them all in one bucket.
    int top = Integer.SIZE - Integer.numberOfLeadingZeros(lowest ^ highest);
    int[] histogram = scratch.histogram;
    int count = n;
    int rank = k;
    for (int low = top - DIGIT_BITS; count > 1 && top > 0; top = low, low -= DIGIT_BITS) {
      int shift = Math.max(low, 0);
      int mask = (1 << (top - shift)) - 1;
      Arrays.fill(histogram, 0, mask + 1, 0);
      for (int i = 0; i < count; i++) {
        histogram[(keys[i] >>> shift) & mask]++;
      }
      int bucket = 0;
      while (rank >= histogram[bucket]) {
        rank -= histogram[bucket++];
      }
      int kept = 0;
      for (int i = 0; i < count; i++) {
        int key = keys[i];
        keys[kept] = key;
        kept += ((key >>> shift) & mask) == bucket ? 1 : 0;
      }
      count = kept;
    }
    // One key left, or all left share every bit: either way keys[rank] is the one.
    return keys[rank] ^ Integer.MIN_VALUE;
  }

  /** A key whose signed order is the order of the floats: negatives have their magnitude bits flipped. */
  static int key(float value) {
    int bits = Float.floatToRawIntBits(value);
    return bits ^ ((bits >> 31) & Integer.MAX_VALUE);
  }

  private static float value(int key) {
    return Float.intBitsToFloat(key ^ ((key >> 31) & Integer.MAX_VALUE));
  }

  private static final class Scratch {
    final int[] histogram = new int[1 << DIGIT_BITS];
    private int[] keys = new int[0];

    int[] keys(int n) {
      if (keys.length < n) {
        keys = new int[n];
      }
      return keys;
    }
  }
}
