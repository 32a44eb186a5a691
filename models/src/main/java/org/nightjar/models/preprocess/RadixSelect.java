package org.nightjar.models.preprocess;

import java.util.Arrays;

/**
 * The k-th smallest of a range of floats by most-significant-digit radix selection: each float
 * becomes a 32-bit key whose order is the order of {@link Float#compare} (so -0.0 comes before
 * 0.0, as {@link Arrays#sort(float[])} has it), and counting passes over digits of up to 11 bits
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
  private static final int MAX_DIGIT_BITS = 11;
  private static final int MIN_DIGIT_BITS = 4;

  /**
   * Each thread's keys and histogram, reused: a stamp's medians and MADs take several selections
   * per alert, and fresh arrays for each were about a tenth of the bytes the stream allocated.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private RadixSelect() {}

  /** The value of rank {@code k} (0-based) among {@code values[0..n)}. */
  static float kth(float[] values, int n, int k) {
    checkRank(n, k, values.length);
    Scratch scratch = SCRATCH.get();
    return value(select(values, n, k, scratch, false));
  }

  /**
   * The two values of ranks {@code k} and {@code k + 1}, as {@code {k-th, (k+1)-th}}: the middle
   * pair of an even count, for the price of one selection.
   */
  static float[] kthAndNext(float[] values, int n, int k) {
    checkRank(n, k + 1, values.length);
    Scratch scratch = SCRATCH.get();
    int lower = select(values, n, k, scratch, true);
    return new float[] {value(lower), value(scratch.next)};
  }

  private static void checkRank(int n, int k, int length) {
    if (k < 0 || k >= n || n > length) {
      throw new IllegalArgumentException("rank " + k + " of " + n + " values");
    }
  }

  /**
   * The key of rank {@code k}; with {@code withNext}, the key of rank {@code k + 1} is left in
   * {@code scratch.next}. That one is found on the way: it shares the k-th's bucket in every pass
   * until the pass where the k-th is the last of its bucket, and there it is the smallest key of
   * the buckets above, which that pass's compaction sees anyway.
   */
  private static int select(float[] values, int n, int k, Scratch scratch, boolean withNext) {
    // Keys with the sign bit flipped: their unsigned order, which the digits follow, is the order
    // of the values.
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
    boolean seekNext = withNext;
    int next = Integer.MAX_VALUE;
    while (count > 1 && top > 0) {
      // About two keys a bucket: clearing and scanning a histogram much wider than the keys it
      // counts would cost more than the count (a fixed 11-bit digit made a 1,024-pixel median as
      // slow as a 4,096-pixel one).
      int bits = Math.min(top, Math.max(MIN_DIGIT_BITS, Math.min(MAX_DIGIT_BITS, 31 - Integer.numberOfLeadingZeros(count))));
      int shift = top - bits;
      int mask = (1 << bits) - 1;
      Arrays.fill(histogram, 0, mask + 1, 0);
      for (int i = 0; i < count; i++) {
        histogram[(keys[i] >>> shift) & mask]++;
      }
      int bucket = 0;
      while (rank >= histogram[bucket]) {
        rank -= histogram[bucket++];
      }
      boolean nextAbove = seekNext && rank + 1 == histogram[bucket];
      int kept = 0;
      for (int i = 0; i < count; i++) {
        int key = keys[i];
        int digit = (key >>> shift) & mask;
        keys[kept] = key;
        kept += digit == bucket ? 1 : 0;
        if (nextAbove && digit > bucket) {
          next = Math.min(next, key ^ Integer.MIN_VALUE);
        }
      }
      seekNext &= !nextAbove;
      count = kept;
      top = shift;
    }
    // One key left, or all left share every bit: either way keys[rank] is the one. A (k+1)-th
    // still sought is then one of the equal keys left.
    int kth = keys[rank] ^ Integer.MIN_VALUE;
    scratch.next = seekNext ? kth : next;
    return kth;
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
    final int[] histogram = new int[1 << MAX_DIGIT_BITS];
    /** The (k+1)-th key of the last selection that sought it. */
    int next;
    private int[] keys = new int[0];

    int[] keys(int n) {
      if (keys.length < n) {
        keys = new int[n];
      }
      return keys;
    }
  }
}
