package org.nightjar.models.stargal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which objects are held out from training, decided by the object id alone so that every alert of
 * one object lands on the same side, in any run and on any machine: an object is held out when the
 * first four bytes of SHA-256(UTF-8 objectId), read as an unsigned big-endian integer, are
 * congruent to {@code remainder} modulo {@code modulus}.
 *
 * <p>Immutable and thread-safe.
 */
public record HoldoutSplit(int modulus, int remainder) {

  public HoldoutSplit {
    if (modulus < 2 || remainder < 0 || remainder >= modulus) {
      throw new IllegalArgumentException("need modulus >= 2 and 0 <= remainder < modulus, got " + modulus + ", " + remainder);
    }
  }

  /** One object in five held out (remainder 0). */
  public static HoldoutSplit oneInFive() {
    return new HoldoutSplit(5, 0);
  }

  public boolean isHeldOut(String objectId) {
    return bucket(objectId) % modulus == remainder;
  }

  /** The rule in words, stored with the prior. */
  public String rule() {
    return "objectId held out when uint32(first 4 bytes of SHA-256(UTF-8 objectId)) mod " + modulus + " == " + remainder;
  }

  private static long bucket(String objectId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(objectId.getBytes(StandardCharsets.UTF_8));
      return ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
