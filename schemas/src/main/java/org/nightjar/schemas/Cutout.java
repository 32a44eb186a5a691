package org.nightjar.schemas;

import java.util.Objects;

/**
 * One decoded image stamp: {@code width * height} float pixels, row-major (row {@code y}, column
 * {@code x} at {@code y * width + x}), FITS orientation (first row = lowest y). NaN and infinite
 * pixels are kept as they are: they are real-world masking, handled downstream.
 *
 * <p>Immutable by contract: {@link #pixels()} returns the backing array for speed, and callers must
 * not modify it. Thread-safe.
 */
public final class Cutout {
  private final int width;
  private final int height;
  private final float[] pixels;
  private final int nonFinite;

  private Cutout(int width, int height, float[] pixels) {
    this.width = width;
    this.height = height;
    this.pixels = pixels;
    int count = 0;
    for (float p : pixels) {
      if (!Float.isFinite(p)) {
        count++;
      }
    }
    this.nonFinite = count;
  }

  /** Wraps {@code pixels} (taken over, not copied). */
  public static Cutout of(int width, int height, float[] pixels) {
    Objects.requireNonNull(pixels, "pixels");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("cutout size must be positive, got " + width + "x" + height);
    }
    if ((long) width * height != pixels.length) {
      throw new IllegalArgumentException(
          "cutout " + width + "x" + height + " needs " + (long) width * height + " pixels, got " + pixels.length);
    }
    return new Cutout(width, height, pixels);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The backing pixel array, row-major; do not modify. */
  public float[] pixels() {
    return pixels;
  }

  public float pixel(int x, int y) {
    return pixels[y * width + x];
  }

  /** Number of NaN or infinite pixels. */
  public int nonFiniteCount() {
    return nonFinite;
  }

  public float nonFiniteFraction() {
    return (float) nonFinite / pixels.length;
  }

  /** True when no pixel carries a finite value: nothing to score, flagged in the output. */
  public boolean isAllNonFinite() {
    return nonFinite == pixels.length;
  }

  @Override
  public String toString() {
    return "Cutout[" + width + "x" + height + ", nonFinite=" + nonFinite + "]";
  }
}
