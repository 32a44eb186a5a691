package org.nightjar.models.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nightjar.models.anomaly.AnomalyCalibration;
import org.nightjar.models.anomaly.SearchSpace;
import org.nightjar.models.evaluation.InjectedAnomaly;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.Tag;

/**
 * The report's HTML: inline CSS, relative image paths, no scripts, so that it opens from disk
 * offline. Rows and neighbours carry their alert ids, scores and distances as {@code data-}
 * attributes, for tools that read the page.
 *
 * <p>Stateless; thread-safe.
 */
final class ReportPage {

  private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;max-width:1500px;color:#222}"
      + "h2{border-bottom:2px solid #ccc;padding-bottom:4px;margin-top:2em}"
      + "table{border-collapse:collapse}td,th{padding:4px 8px;vertical-align:top}"
      + "table.counts td,table.counts th{border:1px solid #ddd;text-align:right}table.counts td:first-child{text-align:left}"
      + "table.gallery{margin:1em 0;width:100%}table.gallery tr.alert td{border-top:2px solid #bbb;padding-top:10px}"
      + "td.info{width:260px;font-size:14px;line-height:1.45}td.info b{font-size:15px}"
      + "img{display:block}img.stamps{image-rendering:pixelated}img.figure{max-width:100%;height:auto;border:1px solid #ddd}"
      + ".strip-label{font-size:12px;color:#555;margin-bottom:2px}"
      + "div.neighbours{display:flex;gap:10px;flex-wrap:nowrap;margin:4px 0 8px 0}"
      + "figure{margin:0}figcaption{font-size:11px;color:#333;text-align:center;margin-top:2px}"
      + ".missing{width:200px;height:64px;display:flex;align-items:center;justify-content:center;"
      + "background:#f3f3f3;color:#777;font-size:12px;border:1px dashed #bbb}"
      + "div.members{display:flex;gap:16px;flex-wrap:wrap}div.maps{display:flex;flex-wrap:wrap;gap:10px}"
      + "div.maps img{width:640px}p.caption{max-width:1100px}span.tag{background:#222;color:#fff;border-radius:3px;"
      + "padding:0 4px;font-size:12px;margin-right:3px}";

  private ReportPage() {}

  static String html(ReportModels models, ReportContents c, Map<Survey, AnomalyCalibration.Table> tables) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Nightjar report</title>\n<style>")
        .append(STYLE).append("</style></head><body>\n");
    b.append("<h1>Nightjar report</h1>\n<p>Bundle <b>").append(escape(models.bundle())).append("</b>. ");
    b.append("Sections: <a href=\"#map\">latent map</a> &middot; <a href=\"#most-anomalous\">most anomalous</a> &middot; "
        + "<a href=\"#least-anomalous\">least anomalous</a> &middot; <a href=\"#clusters\">clusters</a> &middot; "
        + "<a href=\"#distributions\">distributions</a> &middot; <a href=\"#left-out\">left out</a></p>\n");
    counts(b, c);
    map(b, models, c.map());
    gallery(b, c.mostAnomalous(), "Ranked by percentile among the references' leave-one-object-out scores, ties by"
        + " the score. Each row: the three stamps as the network sees them (centre 32&times;32 pixels, median/MAD"
        + " arcsinh scaling, one fixed grey scale for every alert) and on a plain linear min&ndash;max scale (full"
        + " stamps), then its nearest reference alerts, nearest first, as the anomaly stage recorded them, with"
        + " their distance in the search space. Magenta pixels carry no measurement (masked).");
    gallery(b, c.leastAnomalous(), "The same layout, least anomalous first.");
    clusters(b, c.clusters());
    distributions(b, c, tables);
    leftOut(b, c);
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void counts(StringBuilder b, ReportContents c) {
    ReportScoring.Result r = c.scored();
    List<ReportAlert> alerts = r.alerts();
    Map<Survey, Long> bySurvey = new EnumMap<>(Survey.class);
    alerts.forEach(a -> bySurvey.merge(a.survey(), 1L, Long::sum));
    b.append("<table class=\"counts\">\n");
    row(b, "alert files", r.files());
    row(b, "scored alerts", alerts.size());
    bySurvey.forEach((s, n) -> row(b, "&nbsp;&nbsp;" + s, n));
    row(b, "not scored (undecodable or rejected, listed below)", r.skipped().size());
    row(b, "scored without stamps (no embedding, listed below)", alerts.stream().filter(ReportAlert::withoutStamps).count());
    row(b, "scored without an anomaly section (listed below)", r.withoutAnomaly().size());
    for (Tag t : Tag.values()) {
      row(b, "tagged " + t, alerts.stream().filter(a -> a.tagged(t)).count());
    }
    row(b, "damaged copies scored for the distributions", r.injected().size());
    b.append("</table>\n");
  }

  private static void row(StringBuilder b, String name, long n) {
    b.append("<tr><td>").append(name).append("</td><td>").append(n).append("</td></tr>\n");
  }

  private static void map(StringBuilder b, ReportModels models, LatentMap map) {
    SearchSpace space = models.references().space();
    b.append("<h2 id=\"map\">Latent map</h2>\n");
    if (map.isEmpty()) {
      b.append("<p>No map: fewer than ").append(LatentMap.MIN_POINTS).append(" vectors to place.</p>\n");
      return;
    }
    b.append(String.format(Locale.ROOT, "<p class=\"caption\">UMAP (umap-java, %d neighbours, seed fixed) of the"
        + " <b>search vectors</b>, the space in which the anomaly stage finds an alert's nearest references: the"
        + " %d-d autoencoder latent vector plus %d rank-normalised stamp descriptors (weight %.3g). Pale circles are"
        + " the bundle's reference alerts (%d of %d shown%s), diamonds the report's alerts (%d of %d with a search"
        + " vector shown%s); black crosses mark alerts tagged ANOMALY. References have no percentile, real/bogus"
        + " score or P(star) in the bundle, so they stay grey in those maps. Distances on a UMAP map are only"
        + " roughly faithful: near on the map suggests near in the search space, not the reverse.</p>\n",
        LatentMap.NEIGHBOURS, space.latentDimension(), space.descriptors().size(), space.weight(),
        map.referencesShown(), map.referencesTotal(), map.referencesShown() < map.referencesTotal()
            ? ", a random subset" : "", map.alertsShown(), map.alertsTotal(),
        map.alertsShown() < map.alertsTotal() ? ", a random subset" : ""));
    b.append("<div class=\"maps\">\n");
    for (MapColouring m : MapColouring.values()) {
      b.append("<img class=\"figure\" src=\"").append(m.file()).append("\" alt=\"").append(escape(m.title()))
          .append("\">\n");
    }
    b.append("</div>\n");
  }

  private static void gallery(StringBuilder b, Gallery g, String caption) {
    b.append("<h2 id=\"").append(g.id()).append("\">").append(escape(g.title())).append("</h2>\n<p class=\"caption\">")
        .append(caption).append("</p>\n");
    if (g.rows().isEmpty()) {
      b.append("<p>No alert with an anomaly percentile.</p>\n");
      return;
    }
    b.append("<table class=\"gallery\">\n");
    int rank = 0;
    for (Gallery.Row r : g.rows()) {
      ReportAlert a = r.alert();
      b.append("<tr class=\"alert\" data-alert=\"").append(a.alertId()).append("\" data-score=\"")
          .append(a.anomalyScore().map(String::valueOf).orElse("")).append("\" data-percentile=\"")
          .append(a.percentile().map(String::valueOf).orElse("")).append("\">");
      b.append("<td class=\"info\"><b>#").append(++rank).append(" ").append(escape(a.objectId())).append("</b><br>");
      info(b, a);
      b.append("</td><td>");
      strip(b, r.modelStrip(), "as the network sees it (science, template, difference)", 128 * 3 + 8);
      b.append("</td><td>");
      strip(b, r.linearStrip(), "linear min&ndash;max, full stamps", 128 * 3 + 8);
      b.append("</td></tr>\n<tr class=\"neighbours\"><td class=\"info\">nearest references:</td><td colspan=\"2\">")
          .append("<div class=\"neighbours\">");
      for (Gallery.Neighbour n : r.neighbours()) {
        b.append("<figure class=\"neighbour\" data-alert=\"").append(n.alertId()).append("\" data-distance=\"")
            .append(n.distance()).append("\">");
        if (n.strip().isPresent()) {
          b.append("<img class=\"stamps\" src=\"").append(n.strip().get()).append("\" alt=\"stamps of reference ").append(n.alertId())
              .append("\">");
        } else {
          b.append("<div class=\"missing\">stamp not available</div>");
        }
        b.append(String.format(Locale.ROOT, "<figcaption>%s<br>%d, d = %.3f</figcaption></figure>",
            escape(n.objectId()), n.alertId(), n.distance()));
      }
      if (r.neighbours().isEmpty()) {
        b.append("<span>none recorded</span>");
      }
      b.append("</div></td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void info(StringBuilder b, ReportAlert a) {
    b.append(a.survey()).append(" alert ").append(a.alertId()).append("<br>");
    b.append("anomaly score ").append(number(a.anomalyScore(), "%.3f")).append(", percentile ")
        .append(number(a.percentile(), "%.2f")).append("<br>");
    b.append("P(artifact) ").append(number(a.artifactProbability(), "%.3f")).append(", real/bogus ")
        .append(a.realBogus().isPresent() ? String.format(Locale.ROOT, "%.3f", a.realBogus().getAsDouble()) : "&ndash;")
        .append("<br>reconstruction error ").append(number(a.reconstructionError(), "%.3f"))
        .append(", cluster ").append(a.cluster().map(String::valueOf).orElse("&ndash;"))
        .append(", P(star) ").append(number(a.pStar(), "%.2f")).append("<br>");
    for (Tag t : a.scores().getTags()) {
      b.append("<span class=\"tag\">").append(t).append("</span>");
    }
  }

  private static void strip(StringBuilder b, Optional<String> file, String label, int width) {
    b.append("<div class=\"strip-label\">").append(label).append("</div>");
    if (file.isPresent()) {
      b.append("<img class=\"stamps\" src=\"").append(file.get()).append("\" alt=\"").append(label).append("\">");
    } else {
      b.append("<div class=\"missing\" style=\"width:").append(width).append("px\">stamp not available</div>");
    }
  }

  private static void clusters(StringBuilder b, List<Gallery.Cluster> clusters) {
    b.append("<h2 id=\"clusters\">Clusters</h2>\n<p class=\"caption\">The artifact stage's k-means clusters of each"
        + " survey's references in the search space. Per cluster: how many references it holds, how many of the"
        + " report's alerts fell into it, their mean real/bogus score (ZTF drb, Rubin reliability; low means the"
        + " survey thinks them bogus), and its members nearest the centroid, as the network sees them.</p>\n");
    if (clusters.isEmpty()) {
      b.append("<p>No alert has a cluster (the bundle has no clusters, or no alert reached the artifact stage).</p>\n");
    }
    for (Gallery.Cluster c : clusters) {
      b.append("<h3 id=\"").append(c.gallery().id()).append("\">").append(escape(c.gallery().title())).append("</h3>\n");
      b.append(String.format(Locale.ROOT, "<p>%d references, %d of the report's alerts, mean real/bogus %s; the %d"
          + " nearest the centroid:</p>%n", c.references(), c.alerts(), c.meanRealBogus().isPresent()
          ? String.format(Locale.ROOT, "%.3f", c.meanRealBogus().getAsDouble()) : "&ndash; (none has a score)",
          c.gallery().rows().size()));
      b.append("<div class=\"members\">\n");
      for (Gallery.Row r : c.gallery().rows()) {
        ReportAlert a = r.alert();
        b.append("<figure class=\"member\" data-alert=\"").append(a.alertId()).append("\">");
        strip(b, r.modelStrip(), "", 64 * 3 + 8);
        b.append("<figcaption>").append(escape(a.objectId())).append(" ").append(a.alertId()).append("<br>real/bogus ")
            .append(a.realBogus().isPresent() ? String.format(Locale.ROOT, "%.2f", a.realBogus().getAsDouble())
                : "&ndash;").append(", P(artifact) ").append(number(a.artifactProbability(), "%.2f"))
            .append(", percentile ").append(number(a.percentile(), "%.1f")).append("</figcaption></figure>\n");
      }
      b.append("</div>\n");
    }
  }

  private static void distributions(StringBuilder b, ReportContents c, Map<Survey, AnomalyCalibration.Table> tables) {
    b.append("<h2 id=\"distributions\">Distributions</h2>\n<p class=\"caption\">Each group is normalised to its own"
        + " size (the legend gives it). Anomaly scores: the references' leave-one-object-out scores (the calibration"
        + " table that turns a score into a percentile");
    tables.forEach((s, t) -> b.append(String.format(Locale.ROOT, "; %s k = %d, %d references", s, t.k(), t.size())));
    int kinds = InjectedAnomaly.values().length;
    b.append("), the report's alerts, and damaged copies of the report's first ")
        .append(c.scored().injected().size() / kinds).append(" alerts with all three stamps, one per kind of damage"
            + " (streak, saturated columns, blank science, pure noise, swapped science/template)")
        .append(". The artifact probability is split by the survey's own real/bogus score at 0.5.</p>\n");
    for (String file : List.of(DistributionFigures.SCORES_PNG, DistributionFigures.ARTIFACT_PNG,
        DistributionFigures.RECONSTRUCTION_PNG)) {
      b.append("<p><img class=\"figure\" src=\"").append(file).append("\" alt=\"").append(file).append("\"></p>\n");
    }
  }

  private static void leftOut(StringBuilder b, ReportContents c) {
    b.append("<h2 id=\"left-out\">Left out</h2>\n");
    List<ReportScoring.Skipped> skipped = c.scored().skipped();
    b.append("<p>").append(skipped.size()).append(" files gave no scored alert.</p>\n");
    if (!skipped.isEmpty()) {
      b.append("<table class=\"counts\"><tr><th>file</th><th>why</th></tr>\n");
      skipped.forEach(s -> b.append("<tr><td>").append(escape(s.file().getFileName().toString())).append("</td><td>")
          .append(escape(s.reason())).append("</td></tr>\n"));
      b.append("</table>\n");
    }
    List<ReportAlert> without = c.scored().withoutAnomaly();
    b.append("<p>").append(without.size()).append(" scored alerts have no anomaly section, and so no place in the map"
        + " or the anomaly galleries.</p>\n");
    if (!without.isEmpty()) {
      b.append("<table class=\"counts\"><tr><th>alert</th><th>object</th><th>survey</th><th>why</th></tr>\n");
      without.forEach(a -> b.append("<tr><td>").append(a.alertId()).append("</td><td>").append(escape(a.objectId()))
          .append("</td><td>").append(a.survey()).append("</td><td>")
          .append(a.withoutStamps() ? "no stamps, so no embedding" : "no references of its survey in the bundle, or"
              + " the anomaly stage is not configured").append("</td></tr>\n"));
      b.append("</table>\n");
    }
    if (!c.unranked().isEmpty()) {
      b.append("<p>").append(c.unranked().size()).append(" alerts have a score but no percentile (no calibration for"
          + " their survey) and are not ranked.</p>\n");
    }
  }

  private static String number(Optional<Double> v, String format) {
    return v.map(x -> String.format(Locale.ROOT, format, x)).orElse("&ndash;");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
