package org.nightjar.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.models.autoencoder.AutoencoderModel;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.bundle.ModelBundleWriter;
import org.nightjar.models.testing.StubAlert;
import org.nightjar.models.testing.TestStamps;

class StageCatalogTest {

  @Test
  void shouldListEveryStageAfterTheStagesItRequires() {
    Set<String> before = new HashSet<>();
    for (StageFactory f : StageCatalog.ALL) {
      assertTrue(before.containsAll(f.requires()), f.stage() + " comes before one of " + f.requires());
      assertTrue(before.add(f.stage()), "stage listed twice: " + f.stage());
    }
    assertEquals(StageCatalog.names(), StageCatalog.ALL.stream().map(StageFactory::stage).toList());
    assertTrue(StageCatalog.problem(StageCatalog.names()).isEmpty());
  }

  @Test
  void shouldNameTheProblemOfABadStageList() {
    assertTrue(StageCatalog.problem(List.of("embed", "nope")).orElseThrow().contains("unknown stage 'nope'"));
    assertTrue(StageCatalog.problem(List.of("embed", "embed")).orElseThrow().contains("twice"));
    for (StageFactory f : StageCatalog.ALL) {
      if (!f.requires().isEmpty()) {
        assertTrue(StageCatalog.problem(List.of(f.stage())).orElseThrow().contains("needs '" + f.requires().get(0) + "'"));
      }
    }
    assertTrue(StageCatalog.problem(List.of("embed", "artifact")).orElseThrow().contains("needs 'anomaly'"));
  }

  @Test
  void shouldRejectASettingOutOfRange() {
    StageSettings settings = new StageSettings(Map.of("embed.workers", "0", "x", "abc"));
    var e = assertThrows(StageSettings.InvalidSettingException.class, () -> settings.intValue("embed.workers", 2, 1, 64));
    assertEquals("embed.workers", e.key());
    assertThrows(StageSettings.InvalidSettingException.class, () -> settings.doubleValue("x", 1, 0, 2));
    assertEquals(7, settings.intValue("absent", 7, 1, 64));
    assertEquals("exact", StageSettings.none().choice("index.kind", "exact", "exact", "approximate"));
  }

  @Test
  void shouldRefuseTheAnomalyStageOfABundleWithoutAnIndexAndScoreWithoutItsSection(@TempDir Path dir) throws Exception {
    ModelBundleWriter writer = new ModelBundleWriter("no-index", "0.0.1");
    AutoencoderModel.load(ModelBundle.defaultBundle()).addTo(writer);
    writer.write(dir);
    ModelBundle bundle = ModelBundle.open(dir);
    var e = assertThrows(StageCatalog.MissingComponentException.class,
        () -> StageCatalog.create(List.of("embed", "anomaly"), bundle, StageSettings.none()));
    assertTrue(e.getMessage().contains("reference-set"), e.getMessage());
    try (ScoringStages stages = StageCatalog.create(List.of("embed"), bundle, StageSettings.none())) {
      var alert = StubAlert.withCutouts(1, TestStamps.triplet(TestStamps.ORDINARY));
      var result = new ScoringPipeline(stages, Optional.empty(), StageListener.NONE, Clock.systemUTC())
          .score(List.of(alert)).get(0);
      var scores = ((ScoringResult.Scored) result).scores();
      assertTrue(scores.getAnomaly() == null, "no index, no anomaly section");
      assertTrue(scores.getArtifact().getProbability() == null && scores.getArtifact().getCluster() == null);
    }
  }
}
