package org.nightjar.models.autoencoder;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws training and validation loss per epoch as a PNG (log scale), marking the best epoch.
 * Headless-safe (plain java.awt image drawing). Stateless; thread-safe.
 */
public final class LossCurvePlot {

  private static final int W = 720;
  private static final int H = 420;
  private static final int M = 60;

  private LossCurvePlot() {}

  public static void write(List<EpochStats> history, int bestEpoch, Path png) throws IOException {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("no epochs to plot");
    }
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (EpochStats s : history) {
      lo = Math.min(lo, Math.min(s.trainLoss(), s.validationLoss()));
      hi = Math.max(hi, Math.max(s.trainLoss(), s.validationLoss()));
    }
    double logLo = Math.log10(lo) - 0.05;
    double logHi = Math.log10(hi) + 0.05;
    int n = history.size();
    g.setColor(Color.BLACK);
    g.drawRect(M, M / 2, W - M - 20, H - M - M / 2);
    g.drawString("masked MSE (log scale) per epoch; best epoch " + bestEpoch, M, 20);
    g.drawString(String.format("%.3g", hi), 5, M / 2 + 10);
    g.drawString(String.format("%.3g", lo), 5, H - M);
    g.drawString("1", M, H - M + 15);
    g.drawString(Integer.toString(n), W - 30, H - M + 15);
    g.drawString("epoch", W / 2, H - 20);
    drawSeries(g, history, true, logLo, logHi, new Color(0x1f77b4));
    drawSeries(g, history, false, logLo, logHi, new Color(0xd62728));
    g.setColor(new Color(0x1f77b4));
    g.drawString("train", W - 150, M / 2 + 20);
    g.setColor(new Color(0xd62728));
    g.drawString("validation", W - 150, M / 2 + 36);
    g.setColor(Color.GRAY);
    int bx = x(bestEpoch, n);
    g.drawLine(bx, M / 2, bx, H - M);
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static void drawSeries(
      Graphics2D g, List<EpochStats> history, boolean train, double logLo, double logHi, Color color) {
    g.setColor(color);
    g.setStroke(new BasicStroke(2f));
    int n = history.size();
    int px = -1;
    int py = -1;
    for (EpochStats s : history) {
      double v = train ? s.trainLoss() : s.validationLoss();
      int cx = x(s.epoch(), n);
      int cy = (int) Math.round(H - M - (Math.log10(v) - logLo) / (logHi - logLo) * (H - M - M / 2.0));
      if (px >= 0) {
        g.drawLine(px, py, cx, cy);
      }
      g.fillOval(cx - 3, cy - 3, 6, 6);
      px = cx;
      py = cy;
    }
  }

  private static int x(int epoch, int n) {
    return n == 1 ? M : M + (int) Math.round((epoch - 1) * (W - M - 20.0) / (n - 1));
  }
}
