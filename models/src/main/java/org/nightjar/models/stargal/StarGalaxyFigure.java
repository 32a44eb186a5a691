package org.nightjar.models.stargal;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nightjar.models.figures.ChartStyle;
import org.nightjar.models.figures.Figures;
import org.nightjar.models.figures.OverlaidHistograms;

/**
 * The evaluation figure, after Fadely's SDSS demo: on the top row the raw and the deconvolved
 * (posterior mean) primary feature against the reference magnitude, stars blue and galaxies red;
 * on the bottom row their normalised histograms. One PNG of four panels.
 *
 * <p>Thread-safe (stateless).
 */
public final class StarGalaxyFigure {

  private static final int PANEL_W = 640;
  private static final int PANEL_H = 460;
  private static final int BINS = 36;
  private static final double Y_MIN = -0.3;
  private static final double Y_MAX = 1.5;
  private static final Color STAR = ChartStyle.colour(0);
  private static final Color GALAXY = ChartStyle.colour(1);

  private StarGalaxyFigure() {}

  public static void write(List<StarGalaxyEvaluation.Point> points, String featureName, String title, Path png)
      throws IOException {
    double[] mag = range(points, StarGalaxyEvaluation.Point::magnr, 12, 22);
    Figures.saveGrid(List.of(
        scatter(points, StarGalaxyEvaluation.Point::raw, mag, title + ": raw " + featureName, "raw " + featureName),
        scatter(points, StarGalaxyEvaluation.Point::posterior, mag, "deconvolved (posterior mean)",
            "posterior " + featureName),
        histogram(points, StarGalaxyEvaluation.Point::raw, "raw " + featureName),
        histogram(points, StarGalaxyEvaluation.Point::posterior, "posterior " + featureName)), 2, 2, png);
  }

  private static double[] range(List<StarGalaxyEvaluation.Point> pts, ToDoubleFunction<StarGalaxyEvaluation.Point> f,
      double lo, double hi) {
    double min = pts.stream().mapToDouble(f).filter(Double::isFinite).min().orElse(lo);
    double max = pts.stream().mapToDouble(f).filter(Double::isFinite).max().orElse(hi);
    return new double[] {Math.floor(Math.max(min, lo)), Math.ceil(Math.min(max, hi))};
  }

  private static XYChart scatter(List<StarGalaxyEvaluation.Point> pts, ToDoubleFunction<StarGalaxyEvaluation.Point> y,
      double[] magRange, String title, String yAxis) {
    XYChart chart = ChartStyle.xy(PANEL_W, PANEL_H, title, "reference magnitude (magnr)",
        yAxis + " (clipped to the axis)");
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(6);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisMin(magRange[0]);
    chart.getStyler().setXAxisMax(magRange[1]);
    chart.getStyler().setYAxisMin(Y_MIN);
    chart.getStyler().setYAxisMax(Y_MAX);
    chart.getStyler().setYAxisDecimalPattern("0.0");
    for (boolean star : new boolean[] {true, false}) {
      List<StarGalaxyEvaluation.Point> group = pts.stream()
          .filter(p -> p.star() == star && Double.isFinite(p.magnr())).toList();
      double[] x = group.stream().mapToDouble(StarGalaxyEvaluation.Point::magnr).toArray();
      double[] v = group.stream().mapToDouble(p -> clamp(y.applyAsDouble(p))).toArray();
      String name = (star ? "PS1 stars" : "PS1 galaxies") + " (" + group.size() + ")";
      XYSeries s = chart.addSeries(name, x.length == 0 ? new double[] {Double.NaN} : x,
          v.length == 0 ? new double[] {Double.NaN} : v);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(ChartStyle.translucent(star ? STAR : GALAXY, star ? 150 : 200));
    }
    return chart;
  }

  private static XYChart histogram(List<StarGalaxyEvaluation.Point> pts, ToDoubleFunction<StarGalaxyEvaluation.Point> f,
      String xAxis) {
    XYChart chart = OverlaidHistograms.chart(PANEL_W, PANEL_H, "Normalised histograms of " + xAxis, xAxis, Y_MIN, Y_MAX);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    for (boolean star : new boolean[] {true, false}) {
      double[] v = pts.stream().filter(p -> p.star() == star).mapToDouble(p -> clamp(f.applyAsDouble(p))).toArray();
      OverlaidHistograms.add(chart, star ? "PS1 stars" : "PS1 galaxies", v, Y_MIN, Y_MAX, BINS, star ? STAR : GALAXY);
    }
    return chart;
  }

  private static double clamp(double v) {
    return Math.max(Y_MIN, Math.min(Y_MAX - 1e-9, v));
  }
}
