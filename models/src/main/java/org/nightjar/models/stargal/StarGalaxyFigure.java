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
 * (posterior mean) primary feature against a magnitude (ZTF: the reference source's; Rubin: the
 * difference-image PSF magnitude), stars (point-like) blue and galaxies (extended) red; on the
 * bottom row their normalised histograms. One PNG of four panels; alerts whose raw primary feature
 * was not measured appear only in the posterior panels.
 *
 * <p>Thread-safe (stateless).
 */
public final class StarGalaxyFigure {

  private static final int PANEL_W = 640;
  private static final int PANEL_H = 460;
  private static final int BINS = 36;
  private static final Color STAR = ChartStyle.colour(0);
  private static final Color GALAXY = ChartStyle.colour(1);

  private StarGalaxyFigure() {}

  /**
   * What the axes show: the magnitude's name and plotted range, the feature's plotted range, the
   * class names.
   */
  public record Axes(String magnitude, double magMin, double magMax, double yMin, double yMax, String starName,
      String galaxyName) {

    /** ZTF: reference magnitude 12-22, concentration -0.3 to 1.5 mag, PS1 labels. */
    public static Axes ztf() {
      return new Axes("reference magnitude (magnr)", 12, 22, -0.3, 1.5, "PS1 stars", "PS1 galaxies");
    }

    /** Rubin: difference-image PSF magnitude 14-26, ln trace ratio -2.5 to 2, extendedness labels. */
    public static Axes rubin() {
      return new Axes("difference-image PSF magnitude", 14, 26, -2.5, 2.0, "point-like (extendedness < 0.5)",
          "extended (extendedness >= 0.5)");
    }
  }

  public static void write(List<StarGalaxyEvaluation.Point> points, String featureName, String title, Path png)
      throws IOException {
    write(points, featureName, title, Axes.ztf(), png);
  }

  public static void write(List<StarGalaxyEvaluation.Point> points, String featureName, String title, Axes axes,
      Path png) throws IOException {
    double[] mag = range(points, StarGalaxyEvaluation.Point::magnr, axes.magMin(), axes.magMax());
    List<StarGalaxyEvaluation.Point> measured = points.stream().filter(p -> Double.isFinite(p.raw())).toList();
    Figures.saveGrid(List.of(
        scatter(measured, StarGalaxyEvaluation.Point::raw, mag, title + ": raw " + featureName, "raw " + featureName,
            axes),
        scatter(points, StarGalaxyEvaluation.Point::posterior, mag, "deconvolved (posterior mean)",
            "posterior " + featureName, axes),
        histogram(measured, StarGalaxyEvaluation.Point::raw, "raw " + featureName, axes),
        histogram(points, StarGalaxyEvaluation.Point::posterior, "posterior " + featureName, axes)), 2, 2, png);
  }

  private static double[] range(List<StarGalaxyEvaluation.Point> pts, ToDoubleFunction<StarGalaxyEvaluation.Point> f,
      double lo, double hi) {
    double min = pts.stream().mapToDouble(f).filter(Double::isFinite).min().orElse(lo);
    double max = pts.stream().mapToDouble(f).filter(Double::isFinite).max().orElse(hi);
    return new double[] {Math.floor(Math.max(min, lo)), Math.ceil(Math.min(max, hi))};
  }

  private static XYChart scatter(List<StarGalaxyEvaluation.Point> pts, ToDoubleFunction<StarGalaxyEvaluation.Point> y,
      double[] magRange, String title, String yAxis, Axes axes) {
    XYChart chart = ChartStyle.xy(PANEL_W, PANEL_H, title, axes.magnitude(), yAxis + " (clipped to the axis)");
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(6);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisMin(magRange[0]);
    chart.getStyler().setXAxisMax(magRange[1]);
    chart.getStyler().setYAxisMin(axes.yMin());
    chart.getStyler().setYAxisMax(axes.yMax());
    chart.getStyler().setYAxisDecimalPattern("0.0");
    for (boolean star : new boolean[] {true, false}) {
      List<StarGalaxyEvaluation.Point> group = pts.stream()
          .filter(p -> p.star() == star && Double.isFinite(p.magnr())).toList();
      double[] x = group.stream().mapToDouble(StarGalaxyEvaluation.Point::magnr).toArray();
      double[] v = group.stream().mapToDouble(p -> clamp(y.applyAsDouble(p), axes)).toArray();
      String name = (star ? axes.starName() : axes.galaxyName()) + " (" + group.size() + ")";
      XYSeries s = chart.addSeries(name, x.length == 0 ? new double[] {Double.NaN} : x,
          v.length == 0 ? new double[] {Double.NaN} : v);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(ChartStyle.translucent(star ? STAR : GALAXY, star ? 150 : 200));
    }
    return chart;
  }

  private static XYChart histogram(List<StarGalaxyEvaluation.Point> pts, ToDoubleFunction<StarGalaxyEvaluation.Point> f,
      String xAxis, Axes axes) {
    XYChart chart = OverlaidHistograms.chart(PANEL_W, PANEL_H, "Normalised histograms of " + xAxis, xAxis, axes.yMin(),
        axes.yMax());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    for (boolean star : new boolean[] {true, false}) {
      double[] v = pts.stream().filter(p -> p.star() == star).mapToDouble(p -> clamp(f.applyAsDouble(p), axes))
          .toArray();
      OverlaidHistograms.add(chart, star ? axes.starName() : axes.galaxyName(), v, axes.yMin(), axes.yMax(), BINS,
          star ? STAR : GALAXY);
    }
    return chart;
  }

  private static double clamp(double v, Axes axes) {
    return Math.max(axes.yMin(), Math.min(axes.yMax() - 1e-9, v));
  }
}
