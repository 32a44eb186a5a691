package org.nightjar.models.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.ScoringStages;
import org.nightjar.models.StageCatalog;
import org.nightjar.models.StageListener;
import org.nightjar.models.StageSettings;
import org.nightjar.models.autoencoder.EmbeddingScorer;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.preprocess.CutoutPreprocessor;
import org.nightjar.models.preprocess.PreprocessingConfig;
import org.nightjar.models.testing.PngAssertions;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.Neighbour;
import org.nightjar.schemas.testing.SampleAlerts;

/**
 * The report on real alerts with the shipped bundle: 130 held-out ZTF alerts, the Rubin sample,
 * and ZTF packets without stamps; the ZTF sample serves as further packets for the neighbours'
 * stamps.
 */
class ReportTest {

  private static final Pattern IMG = Pattern.compile("<img\\s[^>]*src=\"([^\"]+)\"");
  private static final Pattern ROW = Pattern.compile("<tr class=\"alert\" data-alert=\"(\\d+)\"");
  private static final Pattern NEIGHBOUR =
      Pattern.compile("<figure class=\"neighbour\" data-alert=\"(\\d+)\" data-distance=\"([^\"]+)\">(.*?)</figure>");

  @TempDir
  static Path out;

  private static ReportContents contents;
  private static String page;
  private static int noCutoutFiles;

  @BeforeAll
  static void writeReport() throws Exception {
    ModelBundle bundle = ModelBundle.defaultBundle();
    Path heldOut = Path.of(ReportTest.class.getResource("/latent-heldout/index.txt").toURI()).getParent();
    List<Path> files = new ArrayList<>(AlertFiles.list(heldOut));
    files.addAll(AlertFiles.list(SampleAlerts.folder().resolve("rubin")));
    List<Path> noCutouts = AlertFiles.list(SampleAlerts.folder().resolve("ztf-no-cutouts"));
    noCutoutFiles = noCutouts.size();
    files.addAll(noCutouts);
    AlertCodec codec = AlertCodec.withDefaults();
    try (ScoringStages stages = StageCatalog.create(StageCatalog.names(), bundle, StageSettings.none())) {
      ScoringPipeline pipeline = new ScoringPipeline(stages, Optional.empty(), StageListener.NONE, Clock.systemUTC());
      ReportScoring.Result scored = new ReportScoring(pipeline, codec, 64, 20).score(files, n -> {});
      PacketFiles packets = PacketFiles.of(scored.alerts(), AlertFiles.list(SampleAlerts.folder().resolve("ztf")), codec);
      ReportModels models = ReportModels.of(bundle, stages.find(EmbeddingScorer.class).orElseThrow().preprocessor());
      contents = Report.write(models, scored, packets, codec, new ReportSettings(16, 8, 1200, 7), out);
    }
    page = Files.readString(out.resolve(Report.PAGE), StandardCharsets.UTF_8);
  }

  @Test
  void shouldWriteAnOfflinePageWhoseImagesAreRealPictures() throws Exception {
    assertFalse(page.contains("<script") || page.contains("http://") || page.contains("https://"),
        "the page must work offline");
    Matcher m = IMG.matcher(page);
    Set<String> images = new HashSet<>();
    while (m.find()) {
      images.add(m.group(1));
    }
    for (String src : images) {
      assertFalse(src.startsWith("/") || src.contains(".."), "relative path inside the report: " + src);
      BufferedImage img = PngAssertions.assertPicture(out.resolve(src), 1);
      assertTrue(PngAssertions.greyVariance(img) > 0, src + " is blank");
    }
    for (MapColouring c : MapColouring.values()) {
      assertTrue(images.contains(c.file()), "map " + c.file() + " missing from the page");
    }
    assertTrue(images.contains(DistributionFigures.SCORES_PNG) && images.contains(DistributionFigures.ARTIFACT_PNG)
        && images.contains(DistributionFigures.RECONSTRUCTION_PNG), "distributions missing");
    long strips = images.stream().filter(s -> s.startsWith(StampStrips.FOLDER + "/")).count();
    assertTrue(strips >= 2 * 32, "both views of every gallery alert: " + strips);
  }

  @Test
  void shouldOrderTheGalleriesByPercentileThenScore() {
    List<ReportAlert> ranked = contents.scored().alerts().stream().filter(a -> a.percentile().isPresent()).toList();
    List<ReportAlert> most = alerts(contents.mostAnomalous());
    List<ReportAlert> least = alerts(contents.leastAnomalous());
    assertEquals(16, most.size());
    assertEquals(16, least.size());
    for (int i = 1; i < most.size(); i++) {
      assertTrue(AnomalyRanking.ASCENDING.compare(most.get(i - 1), most.get(i)) > 0, "most anomalous out of order at " + i);
      assertTrue(AnomalyRanking.ASCENDING.compare(least.get(i - 1), least.get(i)) < 0, "least anomalous out of order at " + i);
    }
    for (ReportAlert a : ranked) {
      if (!most.contains(a)) {
        assertTrue(AnomalyRanking.ASCENDING.compare(a, most.get(most.size() - 1)) < 0, a.alertId() + " belongs in the top");
      }
      if (!least.contains(a)) {
        assertTrue(AnomalyRanking.ASCENDING.compare(a, least.get(least.size() - 1)) > 0, a.alertId() + " belongs in the bottom");
      }
    }
    assertEquals(ids(most), pageRows("most-anomalous"), "the page shows the gallery in its order");
    assertEquals(ids(least), pageRows("least-anomalous"));
  }

  @Test
  void shouldShowExactlyTheNeighboursOfTheScoredRecord() {
    int withStamps = 0;
    int without = 0;
    for (Gallery g : List.of(contents.mostAnomalous(), contents.leastAnomalous())) {
      Map<Long, List<String[]>> shown = pageNeighbours(g.id());
      for (Gallery.Row r : g.rows()) {
        List<Neighbour> recorded = r.alert().scores().getAnomaly().getNeighbours();
        List<String[]> onPage = shown.get(r.alert().alertId());
        assertEquals(recorded.size(), onPage.size(), "neighbours of " + r.alert().alertId());
        assertEquals(5, recorded.size());
        for (int j = 0; j < recorded.size(); j++) {
          assertEquals(Long.toString(recorded.get(j).getAlertId()), onPage.get(j)[0]);
          assertEquals(recorded.get(j).getDistance(), Double.parseDouble(onPage.get(j)[1]));
          boolean available = r.neighbours().get(j).strip().isPresent();
          assertEquals(available, onPage.get(j)[2].contains("<img"), "stamp shown only when its packet is known");
          assertEquals(!available, onPage.get(j)[2].contains("stamp not available"));
          if (available) {
            withStamps++;
          } else {
            without++;
          }
        }
      }
    }
    assertTrue(without > 0, "the held-out alerts' neighbours are training alerts, mostly not among the packets");
    assertTrue(withStamps + without == 2 * 16 * 5);
  }

  @Test
  void shouldListAlertsWithoutStampsInsteadOfPlacingThem() {
    List<ReportAlert> withoutStamps = contents.scored().alerts().stream().filter(ReportAlert::withoutStamps).toList();
    assertEquals(noCutoutFiles, withoutStamps.size());
    assertTrue(contents.scored().withoutAnomaly().containsAll(withoutStamps));
    Set<Long> placed = new HashSet<>();
    contents.map().points().stream().filter(p -> !p.reference()).forEach(p -> placed.add(p.alertId()));
    for (ReportAlert a : withoutStamps) {
      assertFalse(placed.contains(a.alertId()), a.alertId() + " has no vector and cannot be on the map");
      assertTrue(page.contains("<tr><td>" + a.alertId() + "</td>"), a.alertId() + " is not listed");
    }
    long embedded = contents.scored().alerts().stream().filter(a -> a.searchVector().isPresent()).count();
    assertEquals(embedded, contents.map().alertsTotal());
    assertEquals(contents.map().alertsShown() + contents.map().referencesShown(), contents.map().points().size());
    assertTrue(contents.map().points().size() <= 1200);
  }

  @Test
  void shouldGiveEachClusterItsTypicalMembers() {
    assertFalse(contents.clusters().isEmpty());
    for (Gallery.Cluster c : contents.clusters()) {
      assertTrue(c.gallery().rows().size() <= 8 && !c.gallery().rows().isEmpty());
      assertTrue(c.references() > 0, c.gallery().title());
      for (Gallery.Row r : c.gallery().rows()) {
        assertEquals(c.cluster(), r.alert().cluster().orElseThrow());
        assertEquals(c.survey(), r.alert().survey());
      }
      double farthestShown = c.gallery().rows().get(c.gallery().rows().size() - 1).alert().centroidDistance().orElseThrow();
      contents.scored().alerts().stream()
          .filter(a -> a.survey() == c.survey() && a.cluster().equals(Optional.of(c.cluster())))
          .filter(a -> c.gallery().rows().stream().noneMatch(r -> r.alert() == a))
          .forEach(a -> assertTrue(a.centroidDistance().orElseThrow() >= farthestShown));
    }
    assertTrue(contents.clusters().stream().anyMatch(c -> c.survey() == Survey.RUBIN));
  }

  @Test
  void shouldStillWriteAReadablePageWhenNothingWasScored(@TempDir Path empty) throws Exception {
    ReportScoring.Result nothing = new ReportScoring.Result(List.of(), List.of(),
        List.of(new ReportScoring.Skipped(Path.of("broken.avro"), "undecodable (not-avro): no magic")), 1);
    ModelBundle bundle = ModelBundle.defaultBundle();
    ReportModels models = ReportModels.of(bundle, new CutoutPreprocessor(PreprocessingConfig.defaults()));
    AlertCodec codec = AlertCodec.withDefaults();
    ReportContents c = Report.write(models, nothing, PacketFiles.of(List.of(), List.of(), codec), codec,
        new ReportSettings(16, 8, 300, 7), empty);
    assertTrue(c.mostAnomalous().rows().isEmpty() && c.clusters().isEmpty());
    assertEquals(0, c.map().alertsShown());
    String html = Files.readString(empty.resolve(Report.PAGE), StandardCharsets.UTF_8);
    assertTrue(html.contains("broken.avro") && html.contains("No alert with an anomaly percentile"), "says why");
    Matcher m = IMG.matcher(html);
    while (m.find()) {
      PngAssertions.assertPicture(empty.resolve(m.group(1)), 1);
    }
  }

  private static List<ReportAlert> alerts(Gallery g) {
    return g.rows().stream().map(Gallery.Row::alert).toList();
  }

  private static List<Long> ids(List<ReportAlert> alerts) {
    return alerts.stream().map(ReportAlert::alertId).toList();
  }

  /** The part of the page under the heading with this id, up to the next section. */
  private static String section(String id) {
    int start = page.indexOf("<h2 id=\"" + id + "\">");
    assertTrue(start >= 0, "no section " + id);
    int end = page.indexOf("<h2 ", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  private static List<Long> pageRows(String id) {
    List<Long> ids = new ArrayList<>();
    Matcher m = ROW.matcher(section(id));
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  /** Per alert row of a gallery, its neighbours on the page: id, distance, the figure's content. */
  private static Map<Long, List<String[]>> pageNeighbours(String id) {
    String s = section(id);
    Map<Long, List<String[]>> out = new LinkedHashMap<>();
    Matcher rows = ROW.matcher(s);
    List<int[]> spans = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    while (rows.find()) {
      ids.add(Long.parseLong(rows.group(1)));
      spans.add(new int[] {rows.start(), 0});
    }
    for (int i = 0; i < ids.size(); i++) {
      int end = i + 1 < ids.size() ? spans.get(i + 1)[0] : s.length();
      Matcher n = NEIGHBOUR.matcher(s.substring(spans.get(i)[0], end));
      List<String[]> found = new ArrayList<>();
      while (n.find()) {
        found.add(new String[] {n.group(1), n.group(2), n.group(3)});
      }
      out.put(ids.get(i), found);
    }
    return out;
  }
}
