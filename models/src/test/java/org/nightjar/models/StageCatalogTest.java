package org.nightjar.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
}
