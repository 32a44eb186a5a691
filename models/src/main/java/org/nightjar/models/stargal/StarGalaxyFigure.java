package org.nightjar.models.stargal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The evaluation figure, after Fadely's SDSS demo: on the top row the raw and the deconvolved
 * (posterior mean) primary feature against the reference magnitude, stars blue and galaxies red;
 * on the bottom row their normalised histograms. Drawn with java.awt into a PNG (works headless).
 *
 * <p>Thread-safe (stateless).
 */
public final class StarGalaxyFigure {

  private static final int PANEL_W = 520;
  private static final int PANEL_H = 380;
  private static final int MARGIN = 60;
  private static final Color STAR = new Color(30, 90, 200, 150);
  private static final Color GALAXY = new Color(210, 40, 40, 200);

  private StarGalaxyFigure() {}

  public static void write(List<StarGalaxyEvaluation.Point> points, String featureName, String title, Path png)
      throws IOException {
    BufferedImage img = new BufferedImage(2 * PANEL_W, 2 * PANEL_H + 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, MARGIN, 26);
    double yMin = -0.3;
    double yMax = 1.5;
    double[] mag = range(points, StarGalaxyEvaluation.Point::magnr, 12, 22);
    scatter(g, points, StarGalaxyEvaluation.Point::raw, 0, 40, mag, yMin, yMax, "raw " + featureName);
    scatter(g, points, StarGalaxyEvaluation.Point::posterior, PANEL_W, 40, mag, yMin, yMax, "posterior " + featureName);
    histogram(g, points, StarGalaxyEvaluation.Point::raw, 0, 40 + PANEL_H, yMin, yMax, "raw " + featureName);
    histogram(g, points, StarGalaxyEvaluation.Point::posterior, PANEL_W, 40 + PANEL_H, yMin, yMax,
        "posterior " + featureName);
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
  }

  private static double[] range(List<StarGalaxyEvaluation.Point> pts, ToDoubleFunction<StarGalaxyEvaluation.Point> f,
      double lo, double hi) {
    double min = pts.stream().mapToDouble(f).filter(Double::isFinite).min().orElse(lo);
    double max = pts.stream().mapToDouble(f).filter(Double::isFinite).max().orElse(hi);
    return new double[] {Math.floor(Math.max(min, lo)), Math.ceil(Math.min(max, hi))};
  }

  private static void scatter(Graphics2D g, List<StarGalaxyEvaluation.Point> pts,
      ToDoubleFunction<StarGalaxyEvaluation.Point> y, int ox, int oy, double[] xr, double yMin, double yMax, String label) {
    axes(g, ox, oy, xr[0], xr[1], yMin, yMax, "reference magnitude (magnr)", label);
    for (boolean galaxiesOnTop : new boolean[] {false, true}) {
      for (StarGalaxyEvaluation.Point p : pts) {
        if (p.star() == galaxiesOnTop || !Double.isFinite(p.magnr())) {
          continue;
        }
        g.setColor(p.star() ? STAR : GALAXY);
        int px = sx(ox, p.magnr(), xr[0], xr[1]);
        int py = sy(oy, clamp(y.applyAsDouble(p), yMin, yMax), yMin, yMax);
        g.fillOval(px - 3, py - 3, 6, 6);
      }
    }
    legend(g, ox, oy);
  }

  private static void histogram(Graphics2D g, List<StarGalaxyEvaluation.Point> pts,
      ToDoubleFunction<StarGalaxyEvaluation.Point> f, int ox, int oy, double lo, double hi, String label) {
    int bins = 36;
    double[][] h = new double[2][bins];
    int[] n = new int[2];
    for (StarGalaxyEvaluation.Point p : pts) {
      int c = p.star() ? 0 : 1;
      int b = (int) Math.floor((clamp(f.applyAsDouble(p), lo, hi - 1e-9) - lo) / (hi - lo) * bins);
      h[c][b]++;
      n[c]++;
    }
    double top = 0;
    for (int c = 0; c < 2; c++) {
      for (int b = 0; b < bins; b++) {
        h[c][b] = n[c] == 0 ? 0 : h[c][b] / n[c];
        top = Math.max(top, h[c][b]);
      }
    }
    axes(g, ox, oy, lo, hi, 0, top * 1.1, label, "fraction per bin");
    g.setStroke(new BasicStroke(2f));
    for (int c = 0; c < 2; c++) {
      g.setColor(c == 0 ? STAR : GALAXY);
      for (int b = 0; b < bins; b++) {
        int x0 = sx(ox, lo + (hi - lo) * b / bins, lo, hi);
        int x1 = sx(ox, lo + (hi - lo) * (b + 1) / bins, lo, hi);
        int y = sy(oy, h[c][b], 0, top * 1.1);
        g.drawLine(x0, y, x1, y);
        if (b + 1 < bins) {
          g.drawLine(x1, y, x1, sy(oy, h[c][b + 1], 0, top * 1.1));
        }
      }
    }
    g.setStroke(new BasicStroke(1f));
    legend(g, ox, oy);
  }

  private static void axes(Graphics2D g, int ox, int oy, double x0, double x1, double y0, double y1, String xl, String yl) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int left = ox + MARGIN;
    int right = ox + PANEL_W - 20;
    int top = oy + 20;
    int bottom = oy + PANEL_H - 45;
    g.drawRect(left, top, right - left, bottom - top);
    for (int i = 0; i <= 4; i++) {
      double xv = x0 + (x1 - x0) * i / 4;
      double yv = y0 + (y1 - y0) * i / 4;
      int px = sx(ox, xv, x0, x1);
      int py = sy(oy, yv, y0, y1);
      g.drawLine(px, bottom, px, bottom - 4);
      g.drawString(String.format("%.2f", xv), px - 14, bottom + 15);
      g.drawLine(left, py, left + 4, py);
      g.drawString(String.format("%.2f", yv), left - 40, py + 4);
    }
    g.drawString(xl, left + 120, bottom + 32);
    g.drawString(yl, left + 6, top - 5);
  }

  private static void legend(Graphics2D g, int ox, int oy) {
    g.setColor(STAR);
    g.fillOval(ox + PANEL_W - 140, oy + 30, 8, 8);
    g.drawString("PS1 stars", ox + PANEL_W - 128, oy + 38);
    g.setColor(GALAXY);
    g.fillOval(ox + PANEL_W - 140, oy + 46, 8, 8);
    g.drawString("PS1 galaxies", ox + PANEL_W - 128, oy + 54);
  }

  private static int sx(int ox, double v, double lo, double hi) {
    return (int) Math.round(ox + MARGIN + (v - lo) / (hi - lo) * (PANEL_W - 20 - MARGIN));
  }

  private static int sy(int oy, double v, double lo, double hi) {
    return (int) Math.round(oy + PANEL_H - 45 - (v - lo) / (hi - lo) * (PANEL_H - 65));
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
