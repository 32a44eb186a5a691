package org.nightjar.models.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.nightjar.models.anomaly.AnomalyCalibration;
import org.nightjar.models.figures.ChartStyle;
import org.nightjar.models.figures.Figures;
import org.nightjar.models.figures.OverlaidHistograms;
import org.nightjar.schemas.Survey;

/**
 * The report's distributions, each group normalised to its own size: anomaly scores of the
 * references (the calibration table), of the report's alerts and of their damaged copies; the
 * artifact probability by the survey's real/bogus class; the reconstruction error.
 *
 * <p>Stateless; thread-safe.
 */
final class DistributionFigures {

  static final String SCORES_PNG = "dist-anomaly-scores.png";
  static final String ARTIFACT_PNG = "dist-artifact-by-realbogus.png";
  static final String RECONSTRUCTION_PNG = "dist-reconstruction-error.png";
  static final int WIDTH = 900;
  static final int HEIGHT = 600;
  private static final int BINS = 40;
  private static final double REAL_BOGUS_THRESHOLD = 0.5;

  private DistributionFigures() {}

  static void write(ReportScoring.Result scored, Map<Survey, AnomalyCalibration.Table> calibration, Path folder)
      throws IOException {
    Figures.save(scores(scored, calibration), folder.resolve(SCORES_PNG));
    Figures.save(artifact(scored.alerts()), folder.resolve(ARTIFACT_PNG));
    Figures.save(reconstruction(scored), folder.resolve(RECONSTRUCTION_PNG));
  }

  static XYChart scores(ReportScoring.Result scored, Map<Survey, AnomalyCalibration.Table> calibration) {
    double[] alerts = log10(scored.alerts().stream().map(ReportAlert::anomalyScore));
    double[] injected = log10(scored.injected().stream().map(i -> Optional.ofNullable(i.scores().getAnomaly())
        .map(a -> a.getScore())));
    double[][] refs = calibration.values().stream().map(t -> log10(java.util.Arrays.stream(t.sortedScores()).boxed()
        .map(Optional::of))).toArray(double[][]::new);
    double[] range = range(alerts, injected, refs);
    XYChart chart = OverlaidHistograms.chart(WIDTH, HEIGHT, "Anomaly scores",
        "log10 anomaly score (median distance to the k nearest references)", range[0], range[1]);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    int c = 0;
    for (Map.Entry<Survey, AnomalyCalibration.Table> e : calibration.entrySet()) {
      OverlaidHistograms.add(chart, e.getKey() + " references (leave one object out)", refs[c++], range[0], range[1], BINS,
          ChartStyle.translucent(ChartStyle.colour(e.getKey().ordinal()), 140));
    }
    OverlaidHistograms.add(chart, "report's alerts", alerts, range[0], range[1], BINS, Color.BLACK);
    OverlaidHistograms.add(chart, "damaged copies (injected anomalies)", injected, range[0], range[1], BINS,
        ChartStyle.colour(3));
    return chart;
  }

  static XYChart artifact(List<ReportAlert> alerts) {
    XYChart chart = OverlaidHistograms.chart(WIDTH, HEIGHT, "Artifact probability by the survey's real/bogus class",
        "P(artifact)", 0, 1);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    OverlaidHistograms.add(chart, "real/bogus < 0.5 (survey says bogus)",
        values(alerts, a -> a.realBogus().isPresent() && a.realBogus().getAsDouble() < REAL_BOGUS_THRESHOLD,
            ReportAlert::artifactProbability), 0, 1, 20, ChartStyle.colour(1));
    OverlaidHistograms.add(chart, "real/bogus >= 0.5 (survey says real)",
        values(alerts, a -> a.realBogus().isPresent() && a.realBogus().getAsDouble() >= REAL_BOGUS_THRESHOLD,
            ReportAlert::artifactProbability), 0, 1, 20, ChartStyle.colour(0));
    return chart;
  }

  static XYChart reconstruction(ReportScoring.Result scored) {
    List<ReportAlert> alerts = scored.alerts();
    double[] bogus = log10(alerts.stream().filter(a -> a.realBogus().isPresent()
        && a.realBogus().getAsDouble() < REAL_BOGUS_THRESHOLD).map(ReportAlert::reconstructionError));
    double[] real = log10(alerts.stream().filter(a -> a.realBogus().isPresent()
        && a.realBogus().getAsDouble() >= REAL_BOGUS_THRESHOLD).map(ReportAlert::reconstructionError));
    double[] unlabelled = log10(alerts.stream().filter(a -> a.realBogus().isEmpty())
        .map(ReportAlert::reconstructionError));
    double[] injected = log10(scored.injected().stream().map(i -> Optional.ofNullable(i.scores().getArtifact())
        .map(a -> a.getReconstructionError())));
    double[] range = range(bogus, real, new double[][] {unlabelled, injected});
    XYChart chart = OverlaidHistograms.chart(WIDTH, HEIGHT, "Autoencoder reconstruction error",
        "log10 masked mean squared error", range[0], range[1]);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    OverlaidHistograms.add(chart, "alerts, real/bogus >= 0.5", real, range[0], range[1], BINS, ChartStyle.colour(0));
    OverlaidHistograms.add(chart, "alerts, real/bogus < 0.5", bogus, range[0], range[1], BINS, ChartStyle.colour(1));
    if (unlabelled.length > 0) {
      OverlaidHistograms.add(chart, "alerts without a real/bogus score", unlabelled, range[0], range[1], BINS,
          Color.GRAY);
    }
    OverlaidHistograms.add(chart, "damaged copies (injected anomalies)", injected, range[0], range[1], BINS,
        ChartStyle.colour(3));
    return chart;
  }

  private static double[] values(List<ReportAlert> alerts, Predicate<ReportAlert> keep,
      Function<ReportAlert, Optional<Double>> value) {
    return alerts.stream().filter(keep).map(value).flatMap(Optional::stream).mapToDouble(Double::doubleValue).toArray();
  }

  /** log10 of the present, positive, finite values. */
  private static double[] log10(java.util.stream.Stream<Optional<Double>> values) {
    return values.flatMap(Optional::stream).mapToDouble(Double::doubleValue).filter(v -> v > 0 && Double.isFinite(v))
        .map(Math::log10).toArray();
  }

  /**
   * The range of all values, widened to whole tenths (XChart starts its ticks at the axis minimum,
   * so a round minimum gives round ticks); [0, 1] when there are none.
   */
  private static double[] range(double[] a, double[] b, double[][] more) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] group : concat(a, b, more)) {
      for (double v : group) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    return new double[] {Math.floor(lo * 10) / 10, Math.max(Math.ceil(hi * 10) / 10, Math.floor(lo * 10) / 10 + 0.1)};
  }

  private static List<double[]> concat(double[] a, double[] b, double[][] more) {
    List<double[]> all = new java.util.ArrayList<>(List.of(a, b));
    all.addAll(List.of(more));
    return all;
  }
}
