package org.nightjar.models.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.ScoringStages;
import org.nightjar.models.StageCatalog;
import org.nightjar.models.StageListener;
import org.nightjar.models.StageSettings;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.RejectReason;

/**
 * Damaged real packets through the codec and every stage of the shipped bundle: each ends as a
 * score or a dead letter with a known reason, never as an escaping exception. A quick run; {@code
 * nightjar fuzz} runs a hundred thousand.
 */
class FuzzRunProperties {

  private static ScoringStages stages;
  private static FuzzRun run;

  @BeforeContainer
  static void load() throws Exception {
    List<byte[]> packets = new ArrayList<>();
    try (var files = Files.list(Path.of("src/test/resources/latent-heldout"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".avro")).sorted().limit(40).toList()) {
        packets.add(Files.readAllBytes(p));
      }
    }
    stages = StageCatalog.create(StageCatalog.names(), ModelBundle.defaultBundle(), StageSettings.none());
    run = new FuzzRun(AlertCodec.withDefaults(),
        new ScoringPipeline(stages, Optional.empty(), StageListener.NONE, Clock.systemUTC()), packets);
  }

  @AfterContainer
  static void close() {
    stages.close();
  }

  @Property(tries = 300, seed = "20261205")
  void everyDamagedPacketEndsAsAScoreOrADeadLetterWithAReason(@ForAll int packet, @ForAll PacketMutation mutation,
      @ForAll long seed) {
    String outcome = run.outcome(run.input(packet, mutation, seed));
    assertFalse(outcome.startsWith("finding"), outcome);
    assertTrue(outcome.equals("scored")
        || java.util.Arrays.stream(RejectReason.values()).anyMatch(r -> r.code().equals(outcome)), outcome);
  }

  @Property(tries = 1)
  void aBatchRunCountsEveryInputOnce() {
    FuzzRun.Result r = run.run(500, 3, done -> { });
    assertEquals(List.of(), r.findings());
    assertEquals(500, r.scored() + r.deadLetteredTotal());
    assertEquals(500, r.byMutation().values().stream().mapToLong(Long::longValue).sum());
    assertTrue(r.scored() > 0 && r.deadLetteredTotal() > 0, "both ends reached: " + r);
  }
}
