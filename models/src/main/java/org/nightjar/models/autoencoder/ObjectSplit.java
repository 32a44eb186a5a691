package org.nightjar.models.autoencoder;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Assigns objects (not single alerts) to the held-out, validation or training side, from a hash
 * of the object id and the seed, so every alert of one object lands on the same side and the
 * split does not depend on file order. Immutable; thread-safe.
 */
final class ObjectSplit {

  enum Side { HELD_OUT, VALIDATION, TRAIN }

  private final long seed;
  private final int heldOutPercent;
  private final int validationPercent;

  ObjectSplit(long seed, int heldOutPercent, int validationPercent) {
    this.seed = seed;
    this.heldOutPercent = heldOutPercent;
    this.validationPercent = validationPercent;
  }

  Side side(String objectId) {
    long h = seed;
    for (byte b : objectId.getBytes(StandardCharsets.UTF_8)) {
      h = h * 1_000_003L + b;
    }
    int bucket = new SplittableRandom(h).nextInt(100);
    if (bucket < heldOutPercent) {
      return Side.HELD_OUT;
    }
    return bucket < heldOutPercent + validationPercent ? Side.VALIDATION : Side.TRAIN;
  }
}
