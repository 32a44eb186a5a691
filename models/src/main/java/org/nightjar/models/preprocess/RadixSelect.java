package org.nightjar.models.preprocess;

/**
 * The k-th smallest of a range of floats by most-significant-digit radix selection: each float
 * becomes a 32-bit key whose order is the order of {@link Float#compare} (so -0.0 comes before
 * 0.0, as {@link java.util.Arrays#sort(float[])} has it), and three counting passes over digits of
 * 11, 11 and 10 bits keep only the bucket that holds rank k. After the third pass every key left
 * is the same, so no sort is needed: a stamp whose pixels were quantized (many equal values)
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
  private static final int[] SHIFTS = {21, 10, 0};
  private static final int[] MASKS = {(1 << 11) - 1, (1 << 11) - 1, (1 << 10) - 1};

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
    int[] keys = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = key(values[i]);
    }
    int[] histogram = new int[MASKS[0] + 1];
    int count = n;
    int rank = k;
    for (int pass = 0; pass < SHIFTS.length && count > 1; pass++) {
      int shift = SHIFTS[pass];
      int mask = MASKS[pass];
      java.util.Arrays.fill(histogram, 0, mask + 1, 0);
      for (int i = 0; i < count; i++) {
        histogram[digit(keys[i], shift, mask)]++;
      }
      int bucket = 0;
      while (rank >= histogram[bucket]) {
        rank -= histogram[bucket++];
      }
      int kept = 0;
      for (int i = 0; i < count; i++) {
        int key = keys[i];
        keys[kept] = key;
        kept += digit(key, shift, mask) == bucket ? 1 : 0;
      }
      count = kept;
    }
    // One key left, or all left share every digit: either way keys[rank] is the one.
    return keys[rank];
  }

  /** Digit of the key read as unsigned, so that negative values come first. */
  private static int digit(int key, int shift, int mask) {
    return ((key ^ Integer.MIN_VALUE) >>> shift) & mask;
  }

  /** A key whose signed order is the order of the floats: negatives have their magnitude bits flipped. */
  static int key(float value) {
    int bits = Float.floatToRawIntBits(value);
    return bits ^ ((bits >> 31) & Integer.MAX_VALUE);
  }

  private static float value(int key) {
    return Float.intBitsToFloat(key ^ ((key >> 31) & Integer.MAX_VALUE));
  }
}
