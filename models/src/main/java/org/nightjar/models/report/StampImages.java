package org.nightjar.models.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.nightjar.models.preprocess.CutoutPreprocessor;
import org.nightjar.models.preprocess.PreparedStack;
import org.nightjar.schemas.Cutout;

/**
 * Draws an alert's science, template and difference stamps side by side as one grey-scale image,
 * each pixel a square block (nearest-neighbour upscaling, so a 63-pixel stamp stays sharp).
 * Pixels without a measurement (NaN, blank, padding) are drawn in {@link #MISSING}.
 *
 * <p>Stateless; thread-safe.
 */
final class StampImages {

  /** Colour of pixels without a measurement. */
  static final Color MISSING = new Color(0xc0, 0x30, 0x60);
  /** The network input's window drawn black to white: about -5 to +600 noise sigma in asinh units. */
  static final double MODEL_LOW = -1.5;
  static final double MODEL_HIGH = 6;
  /** White gap between the three stamps, in output pixels. */
  static final int GAP = 4;

  private StampImages() {}

  /**
   * The stack the network sees (centre window, median/MAD asinh scaling), on one fixed scale for
   * every alert so that strips compare: {@value #MODEL_LOW} black, {@value #MODEL_HIGH} white.
   */
  static BufferedImage model(PreparedStack stack, int scale) {
    int size = stack.size();
    int channels = stack.channels();
    BufferedImage img = blank(channels, size, size, scale);
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int at = (y * size + x) * channels + c;
          int rgb = stack.mask()[at] > 0 ? grey((stack.values()[at] - MODEL_LOW) / (MODEL_HIGH - MODEL_LOW))
              : MISSING.getRGB();
          block(img, c * (size * scale + GAP) + x * scale, y * scale, scale, rgb);
        }
      }
    }
    return img;
  }

  /** The full stamps, each on its own linear scale from its lowest to its highest measured pixel. */
  static BufferedImage linear(Cutout[] stamps, int scale) {
    int w = 0;
    int h = 0;
    for (Cutout c : stamps) {
      w = Math.max(w, c.width());
      h = Math.max(h, c.height());
    }
    BufferedImage img = blank(stamps.length, w, h, scale);
    for (int c = 0; c < stamps.length; c++) {
      Cutout stamp = stamps[c];
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (float v : stamp.pixels()) {
        if (CutoutPreprocessor.isMeasured(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      double span = hi > lo ? hi - lo : 1;
      for (int y = 0; y < stamp.height(); y++) {
        for (int x = 0; x < stamp.width(); x++) {
          float v = stamp.pixel(x, y);
          int rgb = CutoutPreprocessor.isMeasured(v) ? grey((v - lo) / span) : MISSING.getRGB();
          block(img, c * (w * scale + GAP) + x * scale, y * scale, scale, rgb);
        }
      }
    }
    return img;
  }

  /** The upscaling that brings a stamp side to about {@code target} output pixels (at least 1). */
  static int scaleFor(int side, int target) {
    return Math.max(1, Math.round((float) target / side));
  }

  private static BufferedImage blank(int panels, int w, int h, int scale) {
    BufferedImage img = new BufferedImage(panels * w * scale + (panels - 1) * GAP, h * scale,
        BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        img.setRGB(x, y, Color.WHITE.getRGB());
      }
    }
    return img;
  }

  private static void block(BufferedImage img, int x0, int y0, int scale, int rgb) {
    for (int dy = 0; dy < scale; dy++) {
      for (int dx = 0; dx < scale; dx++) {
        img.setRGB(x0 + dx, y0 + dy, rgb);
      }
    }
  }

  private static int grey(double t) {
    int g = (int) Math.round(255 * Math.max(0, Math.min(1, t)));
    return new Color(g, g, g).getRGB();
  }
}
