package org.nightjar.models.figures;

import java.awt.Color;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Groups of values drawn as step outlines on one chart, each normalised to its own total, so that
 * groups of very different sizes compare by shape; the legend gives each group's size.
 *
 * <p>Stateless; thread-safe.
 */
public final class OverlaidHistograms {

  private OverlaidHistograms() {}

  /**
   * Adds one outline of {@code values} over {@code [lo, hi)} in {@code bins} bins, normalised to
   * the fraction of the group per bin; a group without values is named in the legend only.
   */
  public static void add(XYChart chart, String name, double[] values, double lo, double hi, int bins, Color colour) {
    Histogram h = Histogram.of(values, lo, hi, bins);
    double total = h.total();
    double[][] xy = total > 0 ? h.scaled(total).outline(0) : new double[][] {{lo}, {Double.NaN}};
    XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s (%d)", name, (long) total), xy[0], xy[1]);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(colour);
    s.setLineStyle(ChartStyle.SOLID);
  }

  /** A chart for such outlines: fixed x range, y from 0 as a fraction per bin. */
  public static XYChart chart(int width, int height, String title, String xAxis, double lo, double hi) {
    XYChart chart = ChartStyle.xy(width, height, title, xAxis, "fraction of the group per bin");
    chart.getStyler().setXAxisMin(lo);
    chart.getStyler().setXAxisMax(hi);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0.00");
    chart.getStyler().setXAxisDecimalPattern("0.0#");
    return chart;
  }
}
