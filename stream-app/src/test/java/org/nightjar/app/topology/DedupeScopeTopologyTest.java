package org.nightjar.app.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.ConfigException;
import org.nightjar.app.config.ConfigLoader;
import org.nightjar.app.config.KafkaProperties;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.StageListener;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.testing.SampleAlerts;

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
    return new AlertTopology(config, codec::decode, pipeline, Optional.empty(), metrics, Clock.systemUTC()).build();
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
  void shouldDropACopyFromTheSamePartitionWithoutRekeying() throws Exception {
    AppConfig config = config("dedupe.scope", "partition", "batch.max.size", "8");
    try (TopologyTestDriver driver = new TopologyTestDriver(topology(config), KafkaProperties.streams(config))) {
      TestInputTopic<byte[], byte[]> input = driver.createInputTopic("ztf-alerts", new ByteArraySerializer(), new ByteArraySerializer());
      TestOutputTopic<byte[], byte[]> scored = driver.createOutputTopic("nightjar.scored", new ByteArrayDeserializer(), new ByteArrayDeserializer());
      byte[] alert = Files.readAllBytes(SampleAlerts.ztf().get(0));
      input.pipeInput(alert);
      input.pipeInput(alert);
      driver.advanceWallClockTime(Duration.ofMillis(150));
      input.pipeInput(alert);
      driver.advanceWallClockTime(Duration.ofMillis(150));
      assertEquals(1, scored.readRecordsToList().size());
      assertEquals(2, metrics.count("nightjar.alerts.duplicates"));
    }
  }

  @Test
  void shouldRefuseAnUnknownScope() {
    ConfigException e = assertThrows(ConfigException.class, () -> config("dedupe.scope", "global"));
    assertTrue(e.getMessage().contains("alert-id or partition"), e.getMessage());
  }
}
