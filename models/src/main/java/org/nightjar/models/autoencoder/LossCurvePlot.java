package org.nightjar.models.autoencoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nightjar.models.figures.ChartStyle;
import org.nightjar.models.figures.Figures;

/**
 * Draws training and validation loss per epoch as a PNG (log scale), marking the best epoch.
 * Stateless; thread-safe.
 */
public final class LossCurvePlot {

  private LossCurvePlot() {}

  public static void write(List<EpochStats> history, int bestEpoch, Path png) throws IOException {
    Figures.save(chart(history, bestEpoch), png);
  }

  static XYChart chart(List<EpochStats> history, int bestEpoch) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("no epochs to plot");
    }
    double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
    double[] train = history.stream().mapToDouble(EpochStats::trainLoss).toArray();
    double[] validation = history.stream().mapToDouble(EpochStats::validationLoss).toArray();
    double lo = Math.min(min(train), min(validation));
    double hi = Math.max(max(train), max(validation));
    // XChart labels a log axis at powers of ten only: within two decades a linear axis reads better.
    boolean log = lo > 0 && hi / lo > 100;
    XYChart chart = ChartStyle.xy("Autoencoder loss per epoch (best epoch " + bestEpoch + ")", "epoch",
        "masked MSE" + (log ? " (log scale)" : ""));
    chart.getStyler().setYAxisLogarithmic(log);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    // XChart ticks every integer epoch: label every step-th only, so that the labels stay apart.
    int step = labelStep(history.size());
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax((double) step * (int) Math.ceil(history.size() / (double) step));
    chart.getStyler().setxAxisTickLabelsFormattingFunction(
        e -> Math.round(e) % step == 0 ? Long.toString(Math.round(e)) : " ");
    chart.getStyler().setYAxisDecimalPattern("0.0##");
    line(chart, "training loss", epochs, train, 0);
    line(chart, "validation loss", epochs, validation, 1);
    XYSeries best = chart.addSeries("best epoch (weights kept)", new double[] {bestEpoch, bestEpoch},
        new double[] {lo, hi});
    best.setMarker(SeriesMarkers.NONE);
    best.setLineColor(java.awt.Color.GRAY);
    best.setLineStyle(ChartStyle.DASHED);
    return chart;
  }

  private static void line(XYChart chart, String name, double[] x, double[] y, int colour) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setLineColor(ChartStyle.colour(colour));
    s.setMarkerColor(ChartStyle.colour(colour));
    s.setLineStyle(ChartStyle.THIN);
    s.setMarker(x.length > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
  }

  /** 1, 2, 5, 10, 20, 50, ... epochs: the smallest that leaves at most about 12 labels. */
  static int labelStep(int epochs) {
    int[] mantissas = {1, 2, 5};
    for (int scale = 1; ; scale *= 10) {
      for (int m : mantissas) {
        if (epochs / (m * scale) <= 12) {
          return m * scale;
        }
      }
    }
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElseThrow();
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElseThrow();
  }
}
