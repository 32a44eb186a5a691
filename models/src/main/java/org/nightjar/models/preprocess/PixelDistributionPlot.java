package org.nightjar.models.preprocess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nightjar.models.figures.ChartStyle;
import org.nightjar.models.figures.Figures;
import org.nightjar.models.figures.Histogram;
import org.nightjar.schemas.Cutout;

/**
 * Histograms of pixel values before and after preprocessing, one line per stamp kind, as a PNG:
 * left the raw values of the central window on a signed log axis ({@code sign(x) log10(1+|x|)},
 * raw levels span orders of magnitude), right the scaled network input. Counts on a log axis;
 * empty bins are left out. Stateless; thread-safe.
 */
public final class PixelDistributionPlot {

  private static final int BINS = 120;
  private static final int PANEL_W = 720;
  private static final int PANEL_H = 480;
  private static final String[] NAMES = {"science", "template", "difference"};

  private PixelDistributionPlot() {}

  /**
   * @param triplets science, template, difference stamps of each alert
   * @param preprocessor the preprocessing whose output is plotted
   */
  public static void write(List<Cutout[]> triplets, CutoutPreprocessor preprocessor, Path png) throws IOException {
    int size = preprocessor.config().size();
    double[][] raw = new double[3][BINS];
    double[][] scaled = new double[3][BINS];
    double rawLo = -6;
    double rawHi = 6;
    double scaledLo = -4;
    double scaledHi = 10;
    for (Cutout[] t : triplets) {
      PreparedStack stack = preprocessor.prepare(t[0], t[1], t[2]);
      for (int c = 0; c < 3; c++) {
        for (float v : CenterCrop.window(t[c], size)) {
          if (RobustScaler.isMeasured(v)) {
            raw[c][Histogram.bin(Math.signum(v) * Math.log10(1 + Math.abs(v)), rawLo, rawHi, BINS)]++;
          }
        }
        for (int i = c; i < stack.values().length; i += 3) {
          if (stack.mask()[i] > 0) {
            scaled[c][Histogram.bin(stack.values()[i], scaledLo, scaledHi, BINS)]++;
          }
        }
      }
    }
    XYChart left = panel("Raw pixels of the central window, " + triplets.size() + " alerts",
        "sign(x) log10(1 + |x|) of the pixel value", raw, rawLo, rawHi);
    XYChart right = panel("Network input after median/MAD arcsinh scaling",
        "scaled value (finite pixels)", scaled, scaledLo, scaledHi);
    Figures.saveGrid(List.of(left, right), 1, 2, png);
  }

  private static XYChart panel(String title, String xAxis, double[][] counts, double lo, double hi) {
    XYChart chart = ChartStyle.xy(PANEL_W, PANEL_H, title, xAxis, "pixels per bin (log scale)");
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisMin(lo);
    chart.getStyler().setXAxisMax(hi);
    boolean any = false;
    for (int c = 0; c < 3; c++) {
      Histogram h = new Histogram(lo, hi, counts[c]);
      double[] y = h.counts().clone();
      for (int b = 0; b < y.length; b++) {
        y[b] = y[b] > 0 ? y[b] : Double.NaN; // a log axis has no zero: leave empty bins out
        any |= y[b] > 0;
      }
      XYSeries s = chart.addSeries(NAMES[c], h.centres(), y);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(ChartStyle.colour(c));
      s.setLineStyle(ChartStyle.THIN);
    }
    if (!any) {
      chart.getStyler().setYAxisLogarithmic(false);
    }
    return chart;
  }
}
