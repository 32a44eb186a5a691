package org.nightjar.app.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.ConfigException;
import org.nightjar.app.config.ConfigLoader;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.StageListener;
import org.nightjar.schemas.AlertCodec;

class DedupeScopeTopologyTest {
  private final AlertCodec codec = AlertCodec.withDefaults();
  private final ScoringMetrics metrics = ScoringMetrics.inMemory();

  private AppConfig config(String... keyValues) {
    Map<String, String> settings = new HashMap<>(Map.of("kafka.bootstrap.servers", "unused:9092"));
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(keyValues[i], keyValues[i + 1]);
    }
    return new ConfigLoader(Map.of()).load(Optional.empty(), settings);
  }

  private Topology topology(AppConfig config) {
    ScoringPipeline pipeline = new ScoringPipeline(List.of(), Optional.empty(), StageListener.NONE, Clock.systemUTC());
    return new AlertTopology(config, AlertDecoder.of(codec), pipeline, Optional.empty(), metrics, Clock.systemUTC()).build();
  }

  private static boolean repartitions(Topology t) {
    return t.describe().toString().contains("by-alert-id-repartition");
  }

  @Test
  void shouldRekeyByAlertIdOnlyForTheAlertIdScope() {
    Topology byAlertId = topology(config());
    assertTrue(repartitions(byAlertId), "the default scope must be right for any input");

    Topology perPartition = topology(config("dedupe.scope", "partition"));
    assertFalse(repartitions(perPartition));

    assertFalse(repartitions(topology(config("dedupe.enabled", "false"))), "nothing to meet for when nothing is deduplicated");
  }

  @Test
  void shouldStayOneSubTopologyAcrossTheRepartitionHop() {
    // The dead letters of the decode and of the batch meet in one sink, which joins both sides of
    // the hop: a task per input partition runs the whole stream, the unit that stream threads and
    // instances share (README and runbook rely on it when sizing partitions).
    assertEquals(1, topology(config()).describe().subtopologies().size());
    assertEquals(1, topology(config("dedupe.scope", "partition")).describe().subtopologies().size());
  }

  @Test
  void shouldRefuseAnUnknownScope() {
    ConfigException e = assertThrows(ConfigException.class, () -> config("dedupe.scope", "global"));
    assertTrue(e.getMessage().contains("alert-id or partition"), e.getMessage());
  }
}
