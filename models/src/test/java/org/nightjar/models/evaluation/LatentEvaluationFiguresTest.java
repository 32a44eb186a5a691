package org.nightjar.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.models.testing.PngAssertions;
import org.nightjar.models.xd.RocAuc;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.AlertScores;
import org.nightjar.schemas.avro.AnomalyScore;
import org.nightjar.schemas.avro.ArtifactScore;

class LatentEvaluationFiguresTest {

  private static final Pattern IMG = Pattern.compile("<img\\s[^>]*src=\"([^\"]+)\"");

  @TempDir
  Path dir;

  @Test
  void anomalyPageShowsItsPanels() throws IOException {
    Path html = LatentEvaluationFigures.anomaly(new LatentEvaluation(synthetic(true), 7), dir.resolve("anomaly"));
    assertEquals(dir.resolve("anomaly").resolve("anomaly.html"), html);
    List<String> images = checkPage(html);
    assertTrue(images.size() >= 2, "percentile and score panels: " + images);
    checkPng(html.resolveSibling("anomaly.png"));
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("streak") && page.contains("pure noise") && page.contains("KS distance"), page);
  }

  @Test
  void artifactPageShowsTheRocCurves() throws IOException {
    Path html = LatentEvaluationFigures.artifact(new LatentEvaluation(synthetic(false), 7), dir);
    assertEquals(dir.resolve("artifact.html"), html);
    assertEquals(List.of("artifact.png"), checkPage(html));
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("<td>ZTF</td>") && page.contains("<td>RUBIN</td>"), page);
  }

  @Test
  void nothingScoredStillDrawsReadablePages() throws IOException {
    LatentEvaluation empty = new LatentEvaluation(new HeldOutScoring.Result(List.of(), 0, 0, 0), 7);
    checkPage(LatentEvaluationFigures.anomaly(empty, dir));
    checkPage(LatentEvaluationFigures.artifact(empty, dir));
  }

  @Test
  void rocCurveAreaIsTheMannWhitneyAuc() {
    Random random = new Random(3);
    double[] s = new double[200];
    boolean[] y = new boolean[s.length];
    for (int i = 0; i < s.length; i++) {
      y[i] = random.nextDouble() < 0.3;
      s[i] = Math.round((random.nextGaussian() + (y[i] ? 1 : 0)) * 4) / 4.0; // ties on purpose
    }
    RocCurve roc = RocCurve.of(s, y);
    assertEquals(RocAuc.of(s, y), roc.area(), 1e-12);
    assertEquals(0, roc.falsePositiveRate()[0]);
    assertEquals(0, roc.truePositiveRate()[0]);
    assertEquals(1, roc.falsePositiveRate()[roc.size() - 1], 1e-12);
    assertEquals(1, roc.truePositiveRate()[roc.size() - 1], 1e-12);
  }

  /** The page's images: each exists beside it, is a PNG and is not blank. */
  private static List<String> checkPage(Path html) throws IOException {
    assertTrue(Files.isRegularFile(html), html + " missing");
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertFalse(page.contains("<script") || page.contains("http://") || page.contains("https://"),
        "the page must work offline");
    List<String> images = new ArrayList<>();
    Matcher m = IMG.matcher(page);
    while (m.find()) {
      String src = m.group(1);
      assertFalse(src.contains("/") || src.contains("\\"), "relative file name: " + src);
      checkPng(html.resolveSibling(src));
      images.add(src);
    }
    assertFalse(images.isEmpty(), "no image on " + html);
    return images;
  }

  private static void checkPng(Path png) throws IOException {
    PngAssertions.assertChart(png);
  }

  /**
   * Held-out ZTF and Rubin alerts: uniform percentiles, log-normal anomaly scores, a weak label that
   * the artifact probability and (less) the reconstruction error follow; with {@code inject}, one
   * copy per kind of damage with higher scores.
   */
  private static HeldOutScoring.Result synthetic(boolean inject) {
    Random random = new Random(11);
    List<ScoredAlert> alerts = new ArrayList<>();
    long id = 1;
    for (Survey survey : new Survey[] {Survey.ZTF, Survey.RUBIN}) {
      int n = survey == Survey.ZTF ? 300 : 80;
      for (int i = 0; i < n; i++) {
        boolean artifact = random.nextDouble() < 0.2;
        double score = Math.exp(random.nextGaussian() * 0.3);
        double probability = 1 / (1 + Math.exp(-(random.nextGaussian() + (artifact ? 1.5 : -1.5))));
        double recon = Math.exp(random.nextGaussian() * 0.5 + (artifact ? 0.4 : 0));
        alerts.add(new ScoredAlert(survey, scores(id++, survey, score, 100 * random.nextDouble(), probability, recon),
            Optional.empty(), Optional.of(artifact)));
        if (inject) {
          for (InjectedAnomaly kind : InjectedAnomaly.values()) {
            double s = score * Math.exp(0.3 + 0.3 * kind.ordinal() + 0.2 * random.nextGaussian());
            alerts.add(new ScoredAlert(survey, scores(id++, survey, s, Math.min(100, 90 + 10 * random.nextDouble()),
                random.nextDouble(), recon * 2), Optional.of(kind), Optional.empty()));
          }
        }
      }
    }
    return new HeldOutScoring.Result(alerts, 400, 20, 1);
  }

  /** Every field, as the pipeline sets them: Avro's defaults for the arrays need trusted classes. */
  private static AlertScores scores(long id, Survey survey, double score, double percentile, double probability,
      double recon) {
    return AlertScores.newBuilder()
        .setAlertId(id)
        .setObjectId("obj" + id)
        .setSurvey(org.nightjar.schemas.avro.Survey.valueOf(survey.name()))
        .setEventTime(Instant.ofEpochSecond(1_700_000_000L + id))
        .setScoredAt(Instant.ofEpochSecond(1_700_000_100L + id))
        .setRa(10.0)
        .setDec(-5.0)
        .setCutouts(new ArrayList<>())
        .setFlags(new ArrayList<>())
        .setTags(new ArrayList<>())
        .setStageMillis(new HashMap<>())
        .setAnomaly(AnomalyScore.newBuilder().setScore(score).setPercentile(percentile)
            .setNeighbours(new ArrayList<>()).build())
        .setArtifact(ArtifactScore.newBuilder().setReconstructionError(recon).setProbability(probability).build())
        .build();
  }
}
