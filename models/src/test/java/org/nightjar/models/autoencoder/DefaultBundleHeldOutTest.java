package org.nightjar.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nightjar.models.ScoringContext;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.testing.StubAlert;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;

/**
 * The shipped default bundle on real alerts it never saw: packets in {@code heldout/} belong to
 * objects the training job set aside (their ids are in the manifest). A trained autoencoder must
 * reconstruct them clearly better than the same cutouts with their pixels shuffled, which keeps
 * every pixel value and destroys only the image structure.
 */
class DefaultBundleHeldOutTest {

  private static ModelBundle bundle;
  private static List<Alert> alerts;

  @BeforeAll
  static void load() throws Exception {
    bundle = ModelBundle.defaultBundle();
    AlertCodec codec = AlertCodec.withDefaults();
    alerts = new ArrayList<>();
    for (String name : resource("heldout/index.txt").split("\\R")) {
      if (!name.isBlank() && !name.startsWith("#")) {
        alerts.add(codec.decode(bytes("heldout/" + name.trim())));
      }
    }
  }

  @Test
  void shouldHoldOnlyAlertsTheTrainingNeverSaw() {
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) bundle.manifest().trainingData().get(AutoencoderModel.COMPONENT);
    @SuppressWarnings("unchecked")
    List<String> heldOut = (List<String>) data.get("heldOutAlertIds");
    assertTrue(alerts.size() >= 15, "fixture holds " + alerts.size() + " alerts");
    for (Alert alert : alerts) {
      assertTrue(heldOut.contains(Long.toString(alert.alertId())), alert.alertId() + " is not held out");
    }
  }

  @Test
  void shouldReconstructRealCutoutsClearlyBetterThanShuffledOnes() throws Exception {
    AutoencoderModel model = AutoencoderModel.load(bundle);
    List<ScoringContext> real = new ArrayList<>();
    List<ScoringContext> shuffled = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(17);
    for (Alert alert : alerts) {
      real.add(new ScoringContext(alert));
      Cutout[] triplet = new Cutout[3];
      int i = 0;
      for (CutoutKind kind : new CutoutKind[] {CutoutKind.SCIENCE, CutoutKind.TEMPLATE, CutoutKind.DIFFERENCE}) {
        Optional<Cutout> c = alert.cutout(kind);
        triplet[i++] = shuffle(c.orElseThrow(), random);
      }
      shuffled.add(new ScoringContext(StubAlert.withCutouts(alert.alertId(), triplet)));
    }
    try (EmbeddingScorer scorer = new EmbeddingScorer(model)) {
      scorer.score(real);
      scorer.score(shuffled);
    }
    double realMedian = median(real);
    double shuffledMedian = median(shuffled);
    System.out.printf("held-out median masked MSE: real %.4f, shuffled %.4f (%d alerts)%n",
        realMedian, shuffledMedian, real.size());
    assertEquals(alerts.size(), real.stream().filter(c -> c.embedding().isPresent()).count());
    assertTrue(realMedian < 0.7 * shuffledMedian,
        "real " + realMedian + " should be clearly below shuffled " + shuffledMedian);
  }

  private static Cutout shuffle(Cutout cutout, SplittableRandom random) {
    float[] p = cutout.pixels().clone();
    for (int i = p.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      float t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return Cutout.of(cutout.width(), cutout.height(), p);
  }

  private static double median(List<ScoringContext> contexts) {
    double[] v = contexts.stream().mapToDouble(c -> c.reconstructionError().orElseThrow()).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String resource(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String name) {
    try (InputStream in = DefaultBundleHeldOutTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
