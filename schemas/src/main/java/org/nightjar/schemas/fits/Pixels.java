package org.nightjar.schemas.fits;

import java.nio.ByteBuffer;

/** FITS big-endian image data of any legal BITPIX to float pixels, in file order (row-major). */
final class Pixels {
  private Pixels() {}

  static float[] toFloats(ByteBuffer data, int bitpix, int n, double bscale, double bzero, boolean hasBlank, long blank) {
    float[] out = new float[n];
    boolean scaled = bscale != 1.0 || bzero != 0.0;
    switch (bitpix) {
      case -32 -> {
        data.asFloatBuffer().get(out);
        if (scaled) {
          for (int i = 0; i < n; i++) {
            out[i] = (float) (bzero + bscale * out[i]);
          }
        }
      }
      case -64 -> {
        for (int i = 0; i < n; i++) {
          out[i] = (float) (bzero + bscale * data.getDouble(i * 8));
        }
      }
      case 8 -> {
        for (int i = 0; i < n; i++) {
          int raw = data.get(i) & 0xff;
          out[i] = hasBlank && raw == blank ? Float.NaN : (float) (bzero + bscale * raw);
        }
      }
      case 16 -> {
        for (int i = 0; i < n; i++) {
          short raw = data.getShort(i * 2);
          out[i] = hasBlank && raw == blank ? Float.NaN : (float) (bzero + bscale * raw);
        }
      }
      case 32 -> {
        for (int i = 0; i < n; i++) {
          int raw = data.getInt(i * 4);
          out[i] = hasBlank && raw == blank ? Float.NaN : (float) (bzero + bscale * raw);
        }
      }
      case 64 -> {
        for (int i = 0; i < n; i++) {
          long raw = data.getLong(i * 8);
          out[i] = hasBlank && raw == blank ? Float.NaN : (float) (bzero + bscale * raw);
        }
      }
      default -> throw new IllegalArgumentException("BITPIX " + bitpix);
    }
    return out;
  }
}
