package org.nightjar.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nightjar.models.anomaly.ReferenceSet;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.Neighbour;

/**
 * The shipped default bundle's anomaly and artifact stages on real ZTF alerts that none of its
 * components learned from ({@code latent-heldout/}: every held-out alert with drb &lt; 0.5 and a
 * sample of the others), and on damaged copies of them.
 */
class DefaultBundleLatentTest {

  private static ModelBundle bundle;
  private static HeldOutScoring.Result result;

  @BeforeAll
  static void score() throws Exception {
    bundle = ModelBundle.defaultBundle();
    Path folder = Path.of(DefaultBundleLatentTest.class.getResource("/latent-heldout/index.txt").toURI()).getParent();
    List<Path> files = AlertFiles.list(folder);
    result = HeldOutScoring.score(bundle, files, true, n -> {});
  }

  @Test
  void shouldScoreOnlyHeldOutAlertsAndExplainEachWithFiveNeighboursOfItsSurvey() throws Exception {
    assertEquals(0, result.trainingAlertsSkipped(), "the fixture must hold only held-out alerts");
    assertEquals(130, result.real().size());
    ReferenceSet refs = ReferenceSet.load(bundle);
    Set<Long> ztfRefs = new HashSet<>();
    for (long id : refs.of(Survey.ZTF).orElseThrow().alertIds()) {
      ztfRefs.add(id);
    }
    for (ScoredAlert a : result.real()) {
      assertNotNull(a.scores().getAnomaly(), a.scores().getAlertId() + " has no anomaly section");
      assertNotNull(a.scores().getAnomaly().getPercentile());
      assertNotNull(a.scores().getArtifact().getProbability());
      assertNotNull(a.scores().getArtifact().getCluster());
      List<Neighbour> n = a.scores().getAnomaly().getNeighbours();
      assertEquals(5, n.size());
      double previous = 0;
      for (Neighbour x : n) {
        assertTrue(ztfRefs.contains(x.getAlertId()), "neighbour " + x.getAlertId() + " is not a ZTF reference");
        assertTrue(x.getAlertId() != a.scores().getAlertId());
        assertTrue(x.getDistance() >= previous, "neighbours must come nearest first");
        previous = x.getDistance();
      }
    }
  }

  @Test
  void shouldRankNineInTenInjectedAnomaliesAboveThe99thPercentileOfRealHeldOutAlerts() {
    LatentEvaluation e = new LatentEvaluation(result, 7);
    LatentEvaluation.Injection all = e.injections().stream().filter(i -> i.kind().equals("all")).findFirst().orElseThrow();
    assertEquals(5 * 130, all.copies());
    assertTrue(all.scoreAboveRealP99() >= 0.90, "only " + all.scoreAboveRealP99() + " of the injected copies rank above p99: " + e.injections());
    // What the latent score adds: the reconstruction error alone misses pure noise.
    LatentEvaluation.Injection noise = e.injections().stream().filter(i -> i.kind().equals("pure_noise")).findFirst().orElseThrow();
    assertTrue(noise.scoreAboveRealP99() > noise.reconstructionAboveRealP99() + 0.5, noise.toString());
  }

  @Test
  void shouldPlaceHeldOutRealAlertsAcrossThePercentilesNotAtTheTop() {
    LatentEvaluation.Calibration c = new LatentEvaluation(result, 7).calibration().get(0);
    assertEquals(Survey.ZTF, c.survey());
    assertTrue(c.ksDistance() < 0.2, "held-out percentiles far from uniform: " + java.util.Arrays.toString(c.deciles()));
    assertTrue(c.above99() < 0.05, "too many real held-out alerts above the 99th percentile: " + c.above99());
  }

  @Test
  void shouldSeparateArtifactsByTheSurveysOwnRealBogusScoreWellAboveChance() {
    LatentEvaluation.ArtifactAuc auc = new LatentEvaluation(result, 7).artifactAucs().get(0);
    assertEquals(Survey.ZTF, auc.survey());
    assertEquals(25, auc.artifacts());
    assertTrue(auc.auc() >= 0.85, "artifact ROC AUC " + auc.auc());
    assertTrue(auc.low() > 0.5, "the bootstrap interval reaches chance: " + auc.low());
  }
}
