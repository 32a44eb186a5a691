package org.nightjar.models.stargal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nightjar.models.ScoringContext;
import org.nightjar.models.xd.GaussianMixture;
import org.nightjar.models.xd.XdPrior;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.avro.Tag;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;

class StarGalaxyScorerTest {

  private static final String STAR = "ztf/1786216736015015014.avro";
  private static final String GALAXY = "ztf/1786226723415015003.avro";

  /**
   * A hand-made two-component prior on (template concentration, sharpnr), point-source values
   * 0.61 mag and -0.012: a star component at 0 (sd 0.06, 0.02) and a galaxy component at
   * (0.5, 0.2) (sd 0.3, 0.15), equal weights.
   */
  static StarGalaxyModel model() {
    StarGalaxyFeatureSet features = StarGalaxyFeatureSet.of(
        List.of(MorphologyFeature.TEMPLATE_CONCENTRATION, MorphologyFeature.SHARPNR)).withPointSource(0.61, -0.012);
    GaussianMixture mixture = GaussianMixture.of(new double[] {0.5, 0.5},
        new double[][] {{0, 0}, {0.5, 0.2}},
        new double[][][] {{{0.0036, 0}, {0, 0.0004}}, {{0.09, 0}, {0, 0.0225}}});
    XdPrior prior = new XdPrior(mixture, new int[] {0}, features.definitions());
    return new StarGalaxyModel(features, prior, 0.9, HoldoutSplit.oneInFive(), List.of(), Map.of());
  }

  private static ScoringContext context(String sample) throws Exception {
    return new ScoringContext(AlertCodec.withDefaults().decode(SampleAlerts.read(sample)));
  }

  @Test
  void scoresABatchTagsStarsAndGalaxiesAndSkipsWhatItCannotMeasure() throws Exception {
    ScoringContext star = context(STAR);
    ScoringContext galaxy = context(GALAXY);
    ScoringContext noStamps = new ScoringContext(
        AlertCodec.withDefaults().decode(org.nightjar.schemas.AlertFiles.read(SampleAlerts.ztfWithoutCutouts().get(0))));
    ScoringContext rejectedEarlier = context(STAR);
    rejectedEarlier.reject(RejectReason.values()[0], "embed", "earlier stage");
    try (StarGalaxyScorer scorer = new StarGalaxyScorer(model())) {
      assertEquals("xd", scorer.stage());
      scorer.score(List.of(star, galaxy, noStamps, rejectedEarlier));
    }
    var s = star.starGalaxy().orElseThrow();
    assertTrue(s.getPStar() >= 0.9, "star P(star) " + s.getPStar());
    assertEquals(1.0, s.getPStar() + s.getPGalaxy(), 1e-12);
    assertEquals(java.util.Set.of(Tag.STAR), star.tags());
    assertEquals(List.of("template_concentration", "sharpnr", "template_concentration_posterior", "sharpnr_posterior"),
        List.copyOf(s.getFeatures().keySet().stream().map(Object::toString).toList()));

    var g = galaxy.starGalaxy().orElseThrow();
    assertTrue(g.getPStar() <= 0.1, "galaxy P(star) " + g.getPStar());
    assertEquals(java.util.Set.of(Tag.GALAXY), galaxy.tags());

    assertTrue(noStamps.starGalaxy().isEmpty(), "no template stamp: no section");
    assertTrue(noStamps.tags().isEmpty());
    assertFalse(noStamps.isRejected());
    assertTrue(rejectedEarlier.starGalaxy().isEmpty(), "rejected alerts are skipped");
  }

  @Test
  void uncertainAlertGetsNoTag() throws Exception {
    // an alert exactly between the classes: P(star) strictly between 0.1 and 0.9 gives no tag
    StarGalaxyModel m = model();
    StarGalaxyFeatureSet.Vector between = new StarGalaxyFeatureSet.Vector(new double[] {0.16, 0.04},
        new double[] {0.05, 0.05}, new boolean[] {true, true});
    double p = m.classify(between).pStar();
    assertTrue(p > 0.1 && p < 0.9, "P(star) " + p);
    assertFalse(m.isStar(p));
    assertFalse(m.isGalaxy(p));
  }

  @Test
  void corruptTemplateStampRejectsTheAlert() throws Exception {
    byte[] message = SampleAlerts.read(STAR);
    byte[] stamp = BadAlerts.stampOf(message, CutoutKind.TEMPLATE);
    byte[] broken = BadAlerts.withStamp(message, CutoutKind.TEMPLATE, java.util.Arrays.copyOf(stamp, stamp.length / 2));
    Alert alert = AlertCodec.withDefaults().decode(broken);
    ScoringContext ctx = new ScoringContext(alert);
    new StarGalaxyScorer(model()).score(List.of(ctx));
    assertTrue(ctx.isRejected());
    assertEquals("xd", ctx.rejection().orElseThrow().stage());
    assertEquals(RejectReason.TRUNCATED_GZIP, ctx.rejection().orElseThrow().reason());
    assertTrue(ctx.starGalaxy().isEmpty());
  }
}
