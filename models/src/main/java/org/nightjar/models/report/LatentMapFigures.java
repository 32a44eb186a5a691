package org.nightjar.models.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nightjar.models.figures.ChartStyle;
import org.nightjar.models.figures.Figures;

/**
 * The latent map as one scatter plot per {@link MapColouring}. References are drawn pale (in
 * their class colour when they have one, grey otherwise) under the report's alerts, and the alerts
 * tagged ANOMALY are ringed in black on top.
 *
 * <p>Stateless; thread-safe.
 */
final class LatentMapFigures {

  static final int WIDTH = 900;
  static final int HEIGHT = 700;
  private static final Color NO_VALUE = new Color(150, 150, 150);

  private LatentMapFigures() {}

  /** Writes one PNG per colouring into {@code folder}. */
  static void write(LatentMap map, Path folder) throws IOException {
    for (MapColouring colouring : MapColouring.values()) {
      Figures.save(chart(map, colouring), folder.resolve(colouring.file()));
    }
  }

  static XYChart chart(LatentMap map, MapColouring colouring) {
    XYChart chart = ChartStyle.xy(WIDTH, HEIGHT, colouring.title(), "UMAP 1", "UMAP 2");
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(7);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisDecimalPattern("0");
    List<MapPoint> points = map.points();
    List<String> classes = colouring.classes(points);
    add(chart, "references without a value (%d)", points, p -> p.reference() && colouring.classOf(p).isEmpty(),
        ChartStyle.translucent(NO_VALUE, 70), SeriesMarkers.CIRCLE, true);
    // References first, so that the alerts are drawn over them; one legend entry per class, on its
    // alerts when it has any (the pale references share it).
    for (int c = 0; c < classes.size(); c++) {
      Predicate<MapPoint> inClass = inClass(colouring, classes.get(c));
      boolean hasAlerts = points.stream().anyMatch(p -> !p.reference() && inClass.test(p));
      add(chart, classes.get(c) + ": %d references", points, p -> p.reference() && inClass.test(p),
          ChartStyle.translucent(colouring.colour(c, classes.size()), 60), SeriesMarkers.CIRCLE, !hasAlerts);
    }
    for (int c = 0; c < classes.size(); c++) {
      Predicate<MapPoint> inClass = inClass(colouring, classes.get(c));
      long refs = points.stream().filter(p -> p.reference() && inClass.test(p)).count();
      add(chart, classes.get(c) + ": %d alerts" + (refs > 0 ? ", " + refs + " references" : ""), points,
          p -> !p.reference() && inClass.test(p), colouring.colour(c, classes.size()), SeriesMarkers.DIAMOND, true);
    }
    add(chart, "alerts without a value (%d)", points, p -> !p.reference() && colouring.classOf(p).isEmpty(),
        NO_VALUE, SeriesMarkers.DIAMOND, true);
    add(chart, "alerts tagged ANOMALY (%d)", points, MapPoint::taggedAnomaly, Color.BLACK, SeriesMarkers.CROSS, true);
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no points", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  private static Predicate<MapPoint> inClass(MapColouring colouring, String name) {
    return p -> colouring.classOf(p).map(name::equals).orElse(false);
  }

  /**
   * A scatter series of the points that pass {@code keep}, named by {@code name} with their count
   * for {@code %d}; left out when there are none.
   *
   * @return whether there were any
   */
  private static boolean add(XYChart chart, String name, List<MapPoint> points, Predicate<MapPoint> keep, Color colour,
      Marker marker, boolean inLegend) {
    List<MapPoint> kept = new ArrayList<>();
    for (MapPoint p : points) {
      if (keep.test(p)) {
        kept.add(p);
      }
    }
    if (kept.isEmpty()) {
      return false;
    }
    XYSeries s = chart.addSeries(String.format(java.util.Locale.ROOT, name, kept.size()), kept.stream().mapToDouble(MapPoint::x).toArray(),
        kept.stream().mapToDouble(MapPoint::y).toArray());
    s.setMarker(marker);
    s.setMarkerColor(colour);
    s.setShowInLegend(inLegend);
    return true;
  }
}
