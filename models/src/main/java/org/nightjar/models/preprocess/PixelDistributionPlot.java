package org.nightjar.models.preprocess;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.nightjar.schemas.Cutout;

/**
 * Histograms of pixel values before and after preprocessing, one line per stamp kind, as a PNG:
 * left the raw values of the central window on a signed log axis ({@code sign(x) log10(1+|x|)},
 * raw levels span orders of magnitude), right the scaled network input. Counts on a log axis.
 * Headless-safe. Stateless; thread-safe.
 */
public final class PixelDistributionPlot {

  private static final int BINS = 120;
  private static final int PANEL_W = 520;
  private static final int H = 400;
  private static final int M = 50;
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728)};

  private PixelDistributionPlot() {}

  /**
   * @param triplets science, template, difference stamps of each alert
   * @param preprocessor the preprocessing whose output is plotted
   */
  public static void write(List<Cutout[]> triplets, CutoutPreprocessor preprocessor, Path png) throws IOException {
    int size = preprocessor.config().size();
    long[][] raw = new long[3][BINS];
    long[][] scaled = new long[3][BINS];
    double rawLo = -6;
    double rawHi = 6;
    double scaledLo = -4;
    double scaledHi = 10;
    for (Cutout[] t : triplets) {
      PreparedStack stack = preprocessor.prepare(t[0], t[1], t[2]);
      for (int c = 0; c < 3; c++) {
        for (float v : CenterCrop.window(t[c], size)) {
          if (RobustScaler.isMeasured(v)) {
            raw[c][bin(Math.signum(v) * Math.log10(1 + Math.abs(v)), rawLo, rawHi)]++;
          }
        }
        for (int i = c; i < stack.values().length; i += 3) {
          if (stack.mask()[i] > 0) {
            scaled[c][bin(stack.values()[i], scaledLo, scaledHi)]++;
          }
        }
      }
    }
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(2 * PANEL_W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 2 * PANEL_W, H);
    panel(g, 0, raw, rawLo, rawHi, "raw pixels, sign(x) log10(1+|x|), " + triplets.size() + " alerts");
    panel(g, PANEL_W, scaled, scaledLo, scaledHi, "after median/MAD arcsinh scaling (finite pixels)");
    String[] names = {"science", "template", "difference"};
    for (int c = 0; c < 3; c++) {
      g.setColor(COLORS[c]);
      g.drawString(names[c], 2 * PANEL_W - 110, M + 15 * c);
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static void panel(Graphics2D g, int x0, long[][] counts, double lo, double hi, String title) {
    long max = 1;
    for (long[] row : counts) {
      for (long n : row) {
        max = Math.max(max, n);
      }
    }
    int w = PANEL_W - M - 10;
    int h = H - 2 * M;
    g.setColor(Color.BLACK);
    g.drawRect(x0 + M, M, w, h);
    g.drawString(title, x0 + M, M - 10);
    g.drawString(String.format("%.0f", lo), x0 + M, H - M + 15);
    g.drawString(String.format("%.0f", hi), x0 + M + w - 15, H - M + 15);
    g.drawString("0", x0 + M + (int) ((0 - lo) / (hi - lo) * w), H - M + 15);
    g.drawString(Long.toString(max), x0 + 2, M + 10);
    g.setStroke(new BasicStroke(1.5f));
    double logMax = Math.log10(max + 1.0);
    for (int c = 0; c < 3; c++) {
      g.setColor(COLORS[c]);
      int px = -1;
      int py = -1;
      for (int b = 0; b < BINS; b++) {
        int cx = x0 + M + (int) Math.round((b + 0.5) * w / BINS);
        int cy = M + h - (int) Math.round(Math.log10(counts[c][b] + 1.0) / logMax * h);
        if (px >= 0) {
          g.drawLine(px, py, cx, cy);
        }
        px = cx;
        py = cy;
      }
    }
  }

  private static int bin(double v, double lo, double hi) {
    int b = (int) Math.floor((v - lo) / (hi - lo) * BINS);
    return Math.max(0, Math.min(BINS - 1, b));
  }
}
