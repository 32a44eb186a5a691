package org.nightjar.models.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nightjar.models.artifact.WeakLabel;
import org.nightjar.models.figures.ChartStyle;
import org.nightjar.models.figures.Figures;
import org.nightjar.models.figures.Histogram;
import org.nightjar.schemas.Survey;

/**
 * PNG + HTML figures of a {@link LatentEvaluation}, drawn with XChart (headless). Each method
 * writes its PNG panels and an HTML page that shows them by relative file name, with the figures'
 * tables; the page needs neither a network nor scripts.
 *
 * <p>Stateless; thread-safe.
 */
public final class LatentEvaluationFigures {

  /** Panel size in pixels. */
  static final int WIDTH = ChartStyle.WIDTH;
  static final int HEIGHT = ChartStyle.HEIGHT;

  static final String ANOMALY_PNG = "anomaly.png";
  static final String ANOMALY_HTML = "anomaly.html";
  static final String PERCENTILES_PNG = "anomaly-percentiles.png";
  static final String SCORES_PNG = "anomaly-scores.png";
  static final String ARTIFACT_PNG = "artifact.png";
  static final String ARTIFACT_HTML = "artifact.html";

  /** Bins of the log10 anomaly score histogram. */
  private static final int SCORE_BINS = 40;

  private static final Font ROW_FONT = ChartStyle.LABEL_FONT;
  private static final Color REAL_LINE = new Color(0x404040);
  private static final Color REAL_FILL = new Color(160, 160, 160, 110);
  private static final BasicStroke SOLID = ChartStyle.SOLID;
  private static final BasicStroke DASHED = ChartStyle.DASHED;
  private static final BasicStroke DOTTED = ChartStyle.DOTTED;

  private LatentEvaluationFigures() {}

  /**
   * The anomaly stage's figures: {@value #PERCENTILES_PNG} (the held-out real alerts' percentiles
   * per decile and survey against the uniform expectation), {@value #SCORES_PNG} (log10 anomaly
   * score of the held-out real alerts and of each kind of injected anomaly, with the real alerts'
   * 99th percentile), both stacked in {@value #ANOMALY_PNG}, and {@value #ANOMALY_HTML} with the
   * calibration and injection tables.
   *
   * @return the HTML page
   */
  public static Path anomaly(LatentEvaluation e, Path folder) throws IOException {
    Files.createDirectories(folder);
    List<LatentEvaluation.Calibration> calibration = e.calibration();
    List<LatentEvaluation.Injection> injections = e.injections();
    Optional<Double> p99 = e.realScoreP99();
    CategoryChart percentiles = percentileChart(calibration);
    XYChart scores = scoreChart(e.result(), injections, p99);
    Figures.save(percentiles, folder.resolve(PERCENTILES_PNG));
    Figures.save(scores, folder.resolve(SCORES_PNG));
    Figures.saveGrid(List.<Chart<?, ?>>of(percentiles, scores), 2, 1, folder.resolve(ANOMALY_PNG));
    Path html = folder.resolve(ANOMALY_HTML);
    Files.writeString(html, anomalyHtml(e.result(), calibration, injections, p99), StandardCharsets.UTF_8);
    return html;
  }

  /**
   * The artifact stage's figure: {@value #ARTIFACT_PNG} (per survey, the ROC curve of the artifact
   * probability against the survey's weak label, and dashed that of the reconstruction error alone)
   * and {@value #ARTIFACT_HTML} with the AUC table.
   *
   * @return the HTML page
   */
  public static Path artifact(LatentEvaluation e, Path folder) throws IOException {
    Files.createDirectories(folder);
    List<LatentEvaluation.ArtifactAuc> aucs = e.artifactAucs();
    List<LatentEvaluation.Labelled> labelled = e.labelled();
    Figures.save(rocChart(aucs, labelled), folder.resolve(ARTIFACT_PNG));
    Path html = folder.resolve(ARTIFACT_HTML);
    Files.writeString(html, artifactHtml(e.result(), aucs, labelled), StandardCharsets.UTF_8);
    return html;
  }

  // ---------------------------------------------------------------- charts

  /**
   * Per survey, the share of its held-out real alerts in each tenth of the percentile range, bars
   * side by side, with the uniform expectation (10%) dashed across.
   */
  static CategoryChart percentileChart(List<LatentEvaluation.Calibration> calibration) {
    String ks = calibration.stream()
        .map(c -> String.format(Locale.ROOT, "%s %.3f", c.survey(), c.ksDistance())).collect(Collectors.joining(", "));
    CategoryChart chart = ChartStyle.category(calibration.isEmpty() ? "Held-out percentiles: none scored"
            : "Held-out percentiles vs uniform; KS distance " + ks,
        "percentile of the anomaly score among the reference alerts", "% of the survey's held-out alerts");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setAvailableSpaceFill(0.8);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0");
    List<String> bins = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bins.add((10 * i) + "-" + (10 * i + 10));
    }
    double top = 10;
    for (LatentEvaluation.Calibration c : calibration) {
      List<Double> share = new ArrayList<>();
      for (int d : c.deciles()) {
        share.add(100.0 * d / c.alerts());
        top = Math.max(top, 100.0 * d / c.alerts());
      }
      CategorySeries s = chart.addSeries(String.format(Locale.ROOT, "%s: %d alerts, KS %.3f, above 99: %.1f%%",
          c.survey(), c.alerts(), c.ksDistance(), 100 * c.above99()), bins, share);
      s.setFillColor(surveyColour(c.survey()));
    }
    CategorySeries uniform = chart.addSeries("uniform: 10% per bin", bins, java.util.Collections.nCopies(10, 10.0));
    uniform.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    uniform.setLineColor(Color.BLACK);
    uniform.setLineStyle(DASHED);
    uniform.setMarker(SeriesMarkers.NONE);
    chart.getStyler().setYAxisMax(headroom(top, calibration.size() + 1));
    return chart;
  }

  /**
   * One histogram of log10 anomaly score per group (the held-out real alerts on top, then each kind
   * of injected anomaly), stacked like a ridgeline and each scaled to its own peak, so that a narrow
   * group does not flatten the others; the 99th percentile of the real scores crosses them all.
   * Each row is named left of the plot, with its size or its share above that percentile.
   */
  static XYChart scoreChart(HeldOutScoring.Result result, List<LatentEvaluation.Injection> injections,
      Optional<Double> p99) {
    List<String> names = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    names.add("real alerts");
    values.add(log10Scores(result.real()));
    notes.add(values.get(0).length + " held out");
    Map<InjectedAnomaly, List<ScoredAlert>> byKind = new EnumMap<>(InjectedAnomaly.class);
    result.injected().forEach(a -> byKind.computeIfAbsent(a.injected().get(), k -> new ArrayList<>()).add(a));
    byKind.forEach((kind, list) -> {
      names.add(kindLabel(kind));
      values.add(log10Scores(list));
      notes.add(injections.stream().filter(i -> i.kind().equals(kind.name().toLowerCase(Locale.ROOT))).findFirst()
          .map(i -> String.format(Locale.ROOT, "%.1f%% > real p99", 100 * i.scoreAboveRealP99()))
          .orElse(list.size() + " copies"));
    });
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] v : values) {
      for (double x : v) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    boolean empty = lo > hi;
    if (empty) {
      lo = 0;
      hi = 1;
    } else {
      double pad = Math.max(0.02 * (hi - lo), 0.05);
      lo -= pad;
      hi += pad;
    }
    int rows = names.size();
    XYChart chart = ChartStyle.xy("Anomaly scores per group (each histogram scaled to its peak)",
        "log10 anomaly score (median distance to the k nearest reference embeddings)", "");
    AxesChartStyler st = chart.getStyler();
    st.setLegendPosition(Styler.LegendPosition.InsideNE);
    st.setXAxisMin(lo);
    st.setXAxisMax(hi);
    st.setXAxisDecimalPattern("0.0");
    st.setPlotContentSize(1.0);
    double yMin = -0.25;
    double yMax = rows - 1 + 1.5;
    st.setYAxisMin(yMin);
    st.setYAxisMax(yMax);
    st.setYAxisTicksVisible(false);
    st.setYAxisTitleVisible(false);
    st.setPlotGridHorizontalLinesVisible(false);
    for (int g = 0; g < rows; g++) {
      double[] v = values.get(g);
      if (v.length == 0) {
        continue;
      }
      Histogram h = Histogram.of(v, lo, hi, SCORE_BINS);
      double base = rows - 1 - g;
      double[][] xy = h.scaled(h.peak() / 0.85).outline(base);
      Color colour = g == 0 ? REAL_LINE : ChartStyle.colour(g + 2);
      XYSeries s = chart.addSeries(names.get(g), xy[0], xy[1]);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(colour);
      s.setLineStyle(new BasicStroke(1.5f));
      s.setFillColor(g == 0 ? REAL_FILL : new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 120));
      s.setShowInLegend(false);
    }
    if (p99.isPresent() && p99.get() > 0) {
      double x = Math.log10(p99.get());
      XYSeries m = chart.addSeries(String.format(Locale.ROOT, "99th percentile of real scores: %.4g", p99.get()),
          new double[] {x, x}, new double[] {yMin, rows - 1 + 0.95});
      m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      m.setMarker(SeriesMarkers.NONE);
      m.setLineColor(Color.BLACK);
      m.setLineStyle(DASHED);
    }
    rowLabels(chart, names, notes, lo, rows);
    if (empty) {
      chart.addAnnotation(new AnnotationText("no anomaly scores", (lo + hi) / 2, (yMin + yMax) / 2, false));
    }
    return chart;
  }

  /**
   * Names the ridgeline rows where y tick labels would be: lays the chart out once to learn where
   * the rows are on screen, then adds right-aligned texts (screen coordinates) left of the plot.
   */
  private static void rowLabels(XYChart chart, List<String> names, List<String> notes, double xMin, int rows) {
    FontRenderContext frc = new FontRenderContext(null, true, true);
    double widest = 0;
    for (int g = 0; g < rows; g++) {
      widest = Math.max(widest, textWidth(names.get(g), ROW_FONT, frc));
      widest = Math.max(widest, textWidth(notes.get(g), ROW_FONT, frc));
    }
    chart.getStyler().setYAxisLeftWidthHint((int) Math.ceil(widest) + 16);
    BitmapEncoder.getBufferedImage(chart);
    double right = chart.getScreenXFromChart(xMin) - 10;
    double rowHeight = Math.abs(chart.getScreenYFromChart(0) - chart.getScreenYFromChart(1));
    double line = Math.min(20, rowHeight * 0.38);
    for (int g = 0; g < rows; g++) {
      double base = chart.getScreenYFromChart(rows - 1 - g);
      double[] y = {base - 0.45 * rowHeight - line / 2, base - 0.45 * rowHeight + line / 2};
      String[] text = {names.get(g), notes.get(g)};
      for (int k = 0; k < 2; k++) {
        double w = textWidth(text[k], ROW_FONT, frc);
        // Screen-space annotations are centred on (x, y), y counted from the bottom of the chart.
        chart.addAnnotation(new AnnotationText(text[k], right - w / 2, chart.getHeight() - y[k], true));
      }
    }
  }

  private static double textWidth(String text, Font font, FontRenderContext frc) {
    return text.isEmpty() ? 0 : new TextLayout(text, font, frc).getBounds().getWidth();
  }

  static XYChart rocChart(List<LatentEvaluation.ArtifactAuc> aucs, List<LatentEvaluation.Labelled> labelled) {
    XYChart chart = ChartStyle.xy("Artifact probability vs the survey's real/bogus label (held-out alerts)",
        "false positive rate (real detections flagged)", "true positive rate (artifacts flagged)");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax(1.0);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setXAxisDecimalPattern("0.0");
    chart.getStyler().setYAxisDecimalPattern("0.0");
    Map<Survey, LatentEvaluation.Labelled> bySurvey = new EnumMap<>(Survey.class);
    labelled.forEach(l -> bySurvey.put(l.survey(), l));
    for (LatentEvaluation.ArtifactAuc a : aucs) {
      LatentEvaluation.Labelled l = bySurvey.get(a.survey());
      Color colour = surveyColour(a.survey());
      double[][] p = corners(RocCurve.of(l.probability(), l.artifact()));
      XYSeries s = chart.addSeries(String.format(Locale.ROOT,
          "%s artifact probability: AUC %.3f (95%% CI %.3f-%.3f), %d alerts, %d artifacts", a.survey(), a.auc(),
          a.low(), a.high(), a.alerts(), a.artifacts()), p[0], p[1]);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(colour);
      s.setLineStyle(SOLID);
      double[][] r = corners(RocCurve.of(l.reconstructionError(), l.artifact()));
      XYSeries rs = chart.addSeries(String.format(Locale.ROOT, "%s reconstruction error alone: AUC %.3f",
          a.survey(), a.reconstructionErrorAuc()), r[0], r[1]);
      rs.setMarker(SeriesMarkers.NONE);
      rs.setLineColor(colour);
      rs.setLineStyle(DASHED);
    }
    XYSeries chance = chart.addSeries("chance: AUC 0.5", new double[] {0, 1}, new double[] {0, 1});
    chance.setMarker(SeriesMarkers.NONE);
    chance.setLineColor(Color.GRAY);
    chance.setLineStyle(DOTTED);
    if (aucs.isEmpty()) {
      emptyNote(chart, "no survey with labelled artifacts and labelled real detections", 0.5, 0.6);
    }
    return chart;
  }

  /**
   * The curve's points less those inside a straight horizontal or vertical run: the same line, drawn
   * as few long segments, so that a dash pattern reads as one.
   */
  private static double[][] corners(RocCurve c) {
    double[] x = c.falsePositiveRate();
    double[] y = c.truePositiveRate();
    int n = x.length;
    double[] kx = new double[n];
    double[] ky = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      boolean inside = i > 0 && i < n - 1
          && ((x[i - 1] == x[i] && x[i] == x[i + 1]) || (y[i - 1] == y[i] && y[i] == y[i + 1]));
      if (!inside) {
        kx[k] = x[i];
        ky[k++] = y[i];
      }
    }
    return new double[][] {java.util.Arrays.copyOf(kx, k), java.util.Arrays.copyOf(ky, k)};
  }

  /**
   * A y-axis maximum that leaves the tallest value {@code top} below an inside legend of
   * {@code entries} lines (about 24 pixels each in a plot about 470 pixels high), rounded up.
   */
  private static double headroom(double top, int entries) {
    double legend = Math.min(0.6, (24.0 * entries + 24) / 470);
    double max = top / (1 - legend - 0.04);
    double step = max > 20 ? 5 : 2;
    return Math.ceil(max / step) * step;
  }

  /** log10 of the positive, finite anomaly scores. */
  private static double[] log10Scores(List<ScoredAlert> alerts) {
    return alerts.stream().flatMap(a -> a.anomalyScore().stream())
        .filter(s -> s > 0 && Double.isFinite(s)).mapToDouble(Math::log10).toArray();
  }

  private static String kindLabel(InjectedAnomaly kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static void emptyNote(XYChart chart, String text, double x, double y) {
    chart.getStyler().setAnnotationTextFont(ChartStyle.NOTE_FONT);
    chart.getStyler().setAnnotationTextFontColor(Color.DARK_GRAY);
    chart.addAnnotation(new AnnotationText(text, x, y, false));
  }

  /** The colour of a survey in every figure: ZTF first, Rubin second of the shared palette. */
  static Color surveyColour(Survey survey) {
    return ChartStyle.colour(survey.ordinal());
  }

  // ---------------------------------------------------------------- pages

  private static String anomalyHtml(HeldOutScoring.Result r, List<LatentEvaluation.Calibration> calibration,
      List<LatentEvaluation.Injection> injections, Optional<Double> p99) {
    StringBuilder b = new StringBuilder();
    head(b, "Nightjar anomaly stage: held-out evaluation");
    b.append("<h1>Anomaly stage on held-out alerts</h1>\n");
    summary(b, r);
    b.append("<h2>Percentile calibration</h2>\n<p>An alert's percentile is the rank of its anomaly score among the"
        + " reference alerts' leave-one-object-out scores. For held-out alerts like those of the reference set it is"
        + " uniform on 0&ndash;100: 10% per decile, 1% above 99, 0.5% above 99.5. The KS distance is the largest gap"
        + " between their distribution and the uniform one.</p>\n");
    img(b, PERCENTILES_PNG,
        "Histogram of the held-out real alerts' percentiles per survey, with the uniform expectation");
    b.append("<table>\n<tr><th>survey</th><th>alerts</th>");
    for (int i = 0; i < 10; i++) {
      b.append("<th>").append(10 * i).append("&ndash;").append(10 * i + 10).append("</th>");
    }
    b.append("<th>uniform per decile</th><th>KS distance</th><th>above 99</th><th>above 99.5</th></tr>\n");
    for (LatentEvaluation.Calibration c : calibration) {
      b.append("<tr><td>").append(c.survey()).append("</td><td>").append(c.alerts()).append("</td>");
      for (int d : c.deciles()) {
        b.append("<td>").append(d).append("</td>");
      }
      b.append(String.format(Locale.ROOT, "<td>%.1f</td><td>%.3f</td><td>%s</td><td>%s</td></tr>%n", c.alerts() / 10.0,
          c.ksDistance(), percent(c.above99()), percent(c.above995())));
    }
    if (calibration.isEmpty()) {
      b.append("<tr><td colspan=\"16\">no held-out alert has a percentile</td></tr>\n");
    }
    b.append("</table>\n");
    b.append("<h2>Injected anomalies</h2>\n<p>Each held-out alert with all three stamps is copied once per kind of"
        + " damage (a streak across the science and difference stamps, saturated columns, a blank science stamp,"
        + " pure-noise stamps, science and template swapped) and the copies are scored like the real alerts. ");
    b.append(p99.map(v -> String.format(Locale.ROOT, "The 99th percentile of the held-out real alerts' anomaly scores"
        + " is %.4g (dashed line): an alert above it is as unusual as the top 1%% of real ones.", v))
        .orElse("No held-out real alert has an anomaly score."));
    b.append("</p>\n");
    img(b, SCORES_PNG,
        "Histograms of log10 anomaly score for the held-out real alerts and each kind of injected anomaly");
    b.append("<table>\n<tr><th>injected</th><th>copies</th><th>median percentile</th>"
        + "<th>anomaly score &gt; real p99</th><th>reconstruction error &gt; real p99</th></tr>\n");
    for (LatentEvaluation.Injection i : injections) {
      b.append(String.format(Locale.ROOT, "<tr%s><td>%s</td><td>%d</td><td>%.1f</td><td>%s</td><td>%s</td></tr>%n",
          "all".equals(i.kind()) ? " class=\"total\"" : "", escape(i.kind().replace('_', ' ')), i.copies(),
          i.medianPercentile(), percent(i.scoreAboveRealP99()), percent(i.reconstructionAboveRealP99())));
    }
    if (injections.isEmpty()) {
      b.append("<tr><td colspan=\"5\">no injected copies</td></tr>\n");
    }
    b.append("</table>\n<p>The reconstruction-error column compares each copy's autoencoder reconstruction error with"
        + " the 99th percentile of the real alerts' reconstruction errors: how a detector on the reconstruction"
        + " error alone would do.</p>\n");
    b.append("<p>Both panels in one image: <a href=\"").append(ANOMALY_PNG).append("\">").append(ANOMALY_PNG)
        .append("</a>.</p>\n</body></html>\n");
    return b.toString();
  }

  private static String artifactHtml(HeldOutScoring.Result r, List<LatentEvaluation.ArtifactAuc> aucs,
      List<LatentEvaluation.Labelled> labelled) {
    StringBuilder b = new StringBuilder();
    head(b, "Nightjar artifact stage: held-out evaluation");
    b.append("<h1>Artifact stage on held-out alerts</h1>\n");
    summary(b, r);
    b.append("<p>The weak label is the survey's own real/bogus score (");
    List<String> rules = new ArrayList<>();
    for (Survey s : Survey.values()) {
      WeakLabel.of(s).ifPresent(l -> rules.add(s + ": " + escape(l.describe()) + " is an artifact"));
    }
    b.append(String.join("; ", rules)).append("). The ROC AUC is the chance that a random artifact gets a higher"
        + " artifact probability than a random real detection (0.5 = no better than chance), with a 95% bootstrap"
        + " interval; the dashed curves rank the alerts by the autoencoder's reconstruction error alone. The column"
        + " &ldquo;with a label&rdquo; counts the held-out alerts that carry the survey's score and got an artifact"
        + " probability.</p>\n");
    img(b, ARTIFACT_PNG,
        "ROC curves of the artifact probability and of the reconstruction error against the weak label");
    Map<Survey, Long> heldOut = new EnumMap<>(Survey.class);
    r.real().forEach(a -> heldOut.merge(a.survey(), 1L, Long::sum));
    b.append("<table>\n<tr><th>survey</th><th>held-out alerts</th><th>with a label</th><th>artifacts</th>"
        + "<th>artifact probability AUC</th><th>95% bootstrap interval</th><th>reconstruction error AUC</th></tr>\n");
    for (LatentEvaluation.ArtifactAuc a : aucs) {
      b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%.3f</td>"
          + "<td>%.3f&ndash;%.3f</td><td>%.3f</td></tr>%n", a.survey(), heldOut.getOrDefault(a.survey(), 0L),
          a.alerts(), a.artifacts(), a.auc(), a.low(), a.high(), a.reconstructionErrorAuc()));
    }
    if (aucs.isEmpty()) {
      b.append("<tr><td colspan=\"7\">no survey has both artifacts and real detections among its labelled alerts"
          + "</td></tr>\n");
    }
    b.append("</table>\n");
    List<String> left = new ArrayList<>();
    for (LatentEvaluation.Labelled l : labelled) {
      if (aucs.stream().noneMatch(a -> a.survey() == l.survey())) {
        int pos = l.artifacts();
        left.add(String.format(Locale.ROOT, "%s (%d labelled alerts with an artifact probability, %d artifacts)",
            l.survey(), l.artifact().length, pos));
      }
    }
    if (!left.isEmpty()) {
      b.append("<p>Without an AUC, as one class is missing: ").append(escape(String.join("; ", left)))
          .append(".</p>\n");
    }
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void head(StringBuilder b, String title) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:960px}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{padding:4px 10px;text-align:right;border:1px solid #ddd}"
            + "th{background:#eee}td:first-child{text-align:left}tr.total td{font-weight:bold}"
            + "img{max-width:100%;height:auto;border:1px solid #ddd}</style></head><body>\n");
  }

  private static void summary(StringBuilder b, HeldOutScoring.Result r) {
    b.append(String.format(Locale.ROOT, "<p>%d alert files: %d training alerts skipped, %d undecodable; %d held-out"
        + " real alerts scored", r.files(), r.trainingAlertsSkipped(), r.undecodable(), r.real().size()));
    Map<Survey, Long> bySurvey = new EnumMap<>(Survey.class);
    r.real().forEach(a -> bySurvey.merge(a.survey(), 1L, Long::sum));
    if (!bySurvey.isEmpty()) {
      b.append(" (").append(bySurvey.entrySet().stream().map(x -> x.getKey() + " " + x.getValue())
          .collect(Collectors.joining(", "))).append(")");
    }
    int injected = r.injected().size();
    b.append(injected > 0 ? String.format(Locale.ROOT, ", with %d damaged copies of them.</p>%n", injected)
        : ".</p>\n");
  }

  private static void img(StringBuilder b, String file, String alt) {
    b.append("<p><img src=\"").append(file).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" alt=\"").append(escape(alt)).append("\"></p>\n");
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "&ndash;" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
