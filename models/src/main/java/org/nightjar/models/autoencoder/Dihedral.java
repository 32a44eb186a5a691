package org.nightjar.models.autoencoder;

/**
 * The eight flips and quarter turns of a square NHWC stack, used as training augmentation.
 * Stateless; thread-safe.
 */
final class Dihedral {

  private Dihedral() {}

  /**
   * Transform {@code k} (0-7; 0 is the identity) of {@code src}: bit 2 transposes, bit 1 flips
   * rows, bit 0 flips columns.
   */
  static float[] apply(float[] src, int size, int channels, int k) {
    if (k == 0) {
      return src;
    }
    float[] out = new float[src.length];
    boolean transpose = (k & 4) != 0;
    boolean flipY = (k & 2) != 0;
    boolean flipX = (k & 1) != 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int sy = transpose ? x : y;
        int sx = transpose ? y : x;
        sy = flipY ? size - 1 - sy : sy;
        sx = flipX ? size - 1 - sx : sx;
        System.arraycopy(src, (sy * size + sx) * channels, out, (y * size + x) * channels, channels);
      }
    }
    return out;
  }
}
