package org.nightjar.models.preprocess;

import org.nightjar.schemas.Cutout;

/**
 * Cuts the central {@code size x size} window out of a stamp. Smaller stamps (detector edges) are
 * padded with NaN, so the padding is masked exactly like missing pixels. When the difference in
 * size is odd the window sits half a pixel towards the start, which keeps the centre pixel of a
 * 63-pixel stamp at the centre of a 32-pixel window (index 31 becomes 15 or 16 the same way for
 * every stamp).
 *
 * <p>Stateless; thread-safe.
 */
final class CenterCrop {

  private CenterCrop() {}

  /** The window, row-major, {@code size * size} values. */
  static float[] window(Cutout cutout, int size) {
    float[] out = new float[size * size];
    int x0 = Math.floorDiv(cutout.width() - size, 2);
    int y0 = Math.floorDiv(cutout.height() - size, 2);
    float[] pixels = cutout.pixels();
    for (int y = 0; y < size; y++) {
      int sy = y + y0;
      for (int x = 0; x < size; x++) {
        int sx = x + x0;
        boolean inside = sx >= 0 && sx < cutout.width() && sy >= 0 && sy < cutout.height();
        out[y * size + x] = inside ? pixels[sy * cutout.width() + sx] : Float.NaN;
      }
    }
    return out;
  }
}
