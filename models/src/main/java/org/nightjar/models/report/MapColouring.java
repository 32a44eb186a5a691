package org.nightjar.models.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Function;
import org.nightjar.models.figures.ChartStyle;
import org.nightjar.schemas.Survey;

/**
 * What the latent map is coloured by, one figure each. A continuous value is cut into a few
 * classes at fixed edges on a sequential palette (a legend names each class), so the chart needs
 * no colour bar; the categorical ones (cluster, survey) take the shared categorical palette.
 */
enum MapColouring {
  PERCENTILE("map-percentile.png", "anomaly percentile among the references", MapPoint::percentile,
      new double[] {50, 90, 99, 99.5}, List.of("below 50", "50-90", "90-99", "99-99.5", "99.5 and above")),
  CLUSTER("map-cluster.png", "k-means cluster", p -> OptionalDouble.empty(), new double[0], List.of()) {
    @Override
    List<String> classes(List<MapPoint> points) {
      TreeSet<String> names = new TreeSet<>();
      points.forEach(p -> classOf(p).ifPresent(names::add));
      return new ArrayList<>(names);
    }

    @Override
    Optional<String> classOf(MapPoint p) {
      return p.cluster().map(c -> p.survey() + " cluster " + c);
    }
  },
  REAL_BOGUS("map-realbogus.png", "real/bogus (ZTF drb, Rubin reliability)", MapPoint::realBogus,
      new double[] {0.25, 0.5, 0.75}, List.of("below 0.25", "0.25-0.5", "0.5-0.75", "0.75 and above")),
  P_STAR("map-pstar.png", "P(star) of the XD prior", MapPoint::pStar, new double[] {0.1, 0.5, 0.9},
      List.of("below 0.1 (galaxy)", "0.1-0.5", "0.5-0.9", "0.9 and above (star)")),
  SURVEY("map-survey.png", "survey", p -> OptionalDouble.empty(), new double[0], List.of()) {
    @Override
    List<String> classes(List<MapPoint> points) {
      return List.of(Survey.ZTF.name(), Survey.RUBIN.name());
    }

    @Override
    Optional<String> classOf(MapPoint p) {
      return Optional.of(p.survey().name());
    }
  };

  /** Sequential colours (viridis, dark to light; its last yellow darkened to show on white). */
  private static final Color[] SEQUENTIAL = {
      new Color(0x440154), new Color(0x3b528b), new Color(0x21918c), new Color(0x5ec962), new Color(0xd8c200)};

  private final String file;
  private final String label;
  private final Function<MapPoint, OptionalDouble> value;
  private final double[] edges;
  private final List<String> names;

  /**
   * @param edges class boundaries of the value, ascending: a value at an edge belongs to the class above
   * @param names one more than the edges
   */
  MapColouring(String file, String label, Function<MapPoint, OptionalDouble> value, double[] edges,
      List<String> names) {
    this.file = file;
    this.label = label;
    this.value = value;
    this.edges = edges;
    this.names = names;
  }

  String file() {
    return file;
  }

  String title() {
    return "Latent map by " + label;
  }

  /** The classes of this colouring among {@code points}, in legend order. */
  List<String> classes(List<MapPoint> points) {
    return names;
  }

  /** The class of a point; empty when it has no value for this colouring. */
  Optional<String> classOf(MapPoint p) {
    OptionalDouble v = value.apply(p);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    int c = 0;
    while (c < edges.length && v.getAsDouble() >= edges[c]) {
      c++;
    }
    return Optional.of(names.get(c));
  }

  /** Whether the classes are ordered (a sequential palette) or merely distinct (categorical). */
  private boolean ordered() {
    return !names.isEmpty();
  }

  Color colour(int index, int classes) {
    if (!ordered()) {
      return ChartStyle.colour(index);
    }
    // Spread the classes over the palette's ends: 4 classes take colours 0, 1, 3, 4 of 5.
    int at = classes <= 1 ? 0 : (int) Math.round(index * (SEQUENTIAL.length - 1.0) / (classes - 1));
    return SEQUENTIAL[at];
  }
}
