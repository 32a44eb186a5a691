package org.nightjar.models.autoencoder;

import java.util.List;
import org.nightjar.models.preprocess.PreparedStack;

/**
 * A few numbers per alert that the autoencoder's latent vector does not carry, measured on the
 * network input (robustly scaled stamps, so each is in units of the stamp's own noise) and its
 * reconstruction:
 *
 * <ul>
 *   <li>{@code ln_mse_science}, {@code ln_mse_template}, {@code ln_mse_difference}: the masked
 *       reconstruction error of each stamp. An encoder maps what it has never seen (a streak, a
 *       saturated column) into familiar parts of its latent space; its reconstruction fails.
 *   <li>{@code difference_peak}, {@code science_peak}: the largest scaled value in the central
 *       5×5 pixels (|value| for the difference, whose source may be negative). Per-stamp scaling
 *       makes pure noise and an empty sky look alike to the network, but every real alert is a
 *       detection at the centre: a real difference stamp peaks there at several sigma.
 *   <li>{@code difference_consistency}: the correlation of the difference stamp with the science
 *       stamp minus its correlation with the template over the central 16×16 pixels; it changes
 *       sign when science and template are swapped and is near zero for unrelated stamps.
 *   <li>{@code science_texture}, {@code template_texture}, {@code difference_texture}: the
 *       correlation of neighbouring sky pixels (within about 3 sigma, so sources do not count). A
 *       single exposure has nearly white noise, a template is a resampled coadd and a difference a
 *       PSF-matched convolution, both with correlated noise; pure noise has none, and a swap of
 *       science and template swaps their textures. A flat stamp counts as perfectly smooth (1).
 *   <li>{@code difference_dipole}: the smaller of the largest positive and the largest negative
 *       scaled value in the central 11×11 pixels of the difference: large only when both signs
 *       are strong, as in a misaligned subtraction of a bright source.
 *   <li>{@code difference_sharpness}: one minus the mean of the eight neighbours of the central
 *       difference peak over the peak itself: near 1 for a cosmic ray or hot pixel, lower for a
 *       source blurred by the seeing.
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
public final class StampDescriptors {

  public static final List<String> NAMES = List.of(
      "ln_mse_science", "ln_mse_template", "ln_mse_difference", "difference_peak", "science_peak",
      "difference_consistency", "science_texture", "template_texture", "difference_texture",
      "difference_dipole", "difference_sharpness");
  /** Pixels within this scaled value (about 3 sigma after the asinh scaling) count as sky. */
  private static final double SKY = 0.9;

  private static final int SCIENCE = 0;
  private static final int TEMPLATE = 1;
  private static final int DIFFERENCE = 2;
  private static final double MSE_FLOOR = 1e-6;

  private StampDescriptors() {}

  /**
   * @param reconstruction the network output holding this stack at {@code offset}
   */
  public static double[] of(PreparedStack stack, float[] reconstruction, int offset) {
    int size = stack.size();
    int channels = stack.channels();
    float[] v = stack.values();
    float[] m = stack.mask();
    double[] sum = new double[channels];
    double[] count = new double[channels];
    for (int pixel = 0; pixel < v.length; pixel += channels) {
      for (int c = 0; c < channels; c++) {
        int i = pixel + c;
        double d = (reconstruction[offset + i] - v[i]) * m[i];
        sum[c] += d * d;
        count[c] += m[i];
      }
    }
    double[] out = new double[NAMES.size()];
    for (int c = 0; c < 3; c++) {
      out[c] = Math.log(Math.max(MSE_FLOOR, count[c] == 0 ? 0 : sum[c] / count[c]));
    }
    out[3] = centralPeak(stack, DIFFERENCE, true);
    out[4] = centralPeak(stack, SCIENCE, false);
    int from = size / 2 - 8;
    out[5] = correlation(stack, DIFFERENCE, SCIENCE, from, 16) - correlation(stack, DIFFERENCE, TEMPLATE, from, 16);
    out[6] = texture(stack, SCIENCE);
    out[7] = texture(stack, TEMPLATE);
    out[8] = texture(stack, DIFFERENCE);
    out[9] = dipole(stack, DIFFERENCE, 11);
    out[10] = sharpness(stack, DIFFERENCE);
    return out;
  }

  private static double centralPeak(PreparedStack stack, int channel, boolean absolute) {
    int size = stack.size();
    int from = size / 2 - 2;
    double peak = 0;
    boolean any = false;
    for (int y = from; y < from + 5; y++) {
      for (int x = from; x < from + 5; x++) {
        int at = (y * size + x) * stack.channels() + channel;
        if (stack.mask()[at] > 0) {
          double value = absolute ? Math.abs(stack.values()[at]) : stack.values()[at];
          peak = any ? Math.max(peak, value) : value;
          any = true;
        }
      }
    }
    return peak;
  }

  private static double dipole(PreparedStack stack, int channel, int width) {
    int size = stack.size();
    int from = size / 2 - width / 2;
    double positive = 0;
    double negative = 0;
    for (int y = from; y < from + width; y++) {
      for (int x = from; x < from + width; x++) {
        int at = (y * size + x) * stack.channels() + channel;
        if (stack.mask()[at] > 0) {
          positive = Math.max(positive, stack.values()[at]);
          negative = Math.max(negative, -stack.values()[at]);
        }
      }
    }
    return Math.min(positive, negative);
  }

  private static double sharpness(PreparedStack stack, int channel) {
    int size = stack.size();
    int channels = stack.channels();
    int from = size / 2 - 2;
    int px = -1;
    int py = -1;
    double peak = 0;
    for (int y = from; y < from + 5; y++) {
      for (int x = from; x < from + 5; x++) {
        int at = (y * size + x) * channels + channel;
        if (stack.mask()[at] > 0 && Math.abs(stack.values()[at]) > Math.abs(peak)) {
          peak = stack.values()[at];
          px = x;
          py = y;
        }
      }
    }
    if (px < 0 || Math.abs(peak) < 1e-6) {
      return 0;
    }
    double sum = 0;
    int n = 0;
    for (int y = py - 1; y <= py + 1; y++) {
      for (int x = px - 1; x <= px + 1; x++) {
        int at = (y * size + x) * channels + channel;
        if ((x != px || y != py) && stack.mask()[at] > 0) {
          sum += stack.values()[at];
          n++;
        }
      }
    }
    return n == 0 ? 0 : 1 - (sum / n) / peak;
  }

  /** Lag-one correlation of horizontally and vertically neighbouring sky pixels of one channel. */
  private static double texture(PreparedStack stack, int channel) {
    int size = stack.size();
    int channels = stack.channels();
    float[] v = stack.values();
    float[] m = stack.mask();
    double s1 = 0;
    double s2 = 0;
    double products = 0;
    int pairs = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int at = (y * size + x) * channels + channel;
        if (m[at] == 0 || Math.abs(v[at]) > SKY) {
          continue;
        }
        int right = x + 1 < size ? at + channels : -1;
        int up = y + 1 < size ? at + size * channels : -1;
        for (int other : new int[] {right, up}) {
          if (other >= 0 && m[other] > 0 && Math.abs(v[other]) <= SKY) {
            s1 += v[at] + v[other];
            s2 += (double) v[at] * v[at] + (double) v[other] * v[other];
            products += 2.0 * v[at] * v[other];
            pairs++;
          }
        }
      }
    }
    if (pairs < 8) {
      return 0;
    }
    // Symmetric estimate over both members of every pair.
    double mean = s1 / (2.0 * pairs);
    double variance = s2 / (2.0 * pairs) - mean * mean;
    if (variance < 1e-12) {
      return 1;
    }
    return (products / (2.0 * pairs) - mean * mean) / variance;
  }

  /** Pearson correlation of two channels over a square window, on pixels finite in both; 0 if flat. */
  private static double correlation(PreparedStack stack, int a, int b, int from, int width) {
    int size = stack.size();
    int channels = stack.channels();
    double sa = 0;
    double sb = 0;
    double saa = 0;
    double sbb = 0;
    double sab = 0;
    int n = 0;
    for (int y = from; y < from + width; y++) {
      for (int x = from; x < from + width; x++) {
        int base = (y * size + x) * channels;
        if (stack.mask()[base + a] > 0 && stack.mask()[base + b] > 0) {
          double va = stack.values()[base + a];
          double vb = stack.values()[base + b];
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
          n++;
        }
      }
    }
    if (n < 2) {
      return 0;
    }
    double cov = sab - sa * sb / n;
    double varA = saa - sa * sa / n;
    double varB = sbb - sb * sb / n;
    return varA > 1e-12 && varB > 1e-12 ? cov / Math.sqrt(varA * varB) : 0;
  }
}
