package org.nightjar.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @Test
  void shouldRunWithDefaultsAlone() {
    AppConfig c = new ConfigLoader(Map.of()).load(Optional.empty(), Map.of());
    assertEquals("exactly_once_v2", c.processingGuarantee());
    assertEquals("nightjar.scored", c.scoredTopic());
    assertEquals("nightjar.dlq", c.deadLetterTopic());
    assertEquals("localhost:9092", c.kafka().get("bootstrap.servers"));
  }

  @Test
  void shouldLayerFileThenEnvironmentThenOverrides(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("n.properties");
    Files.writeString(file, "batch.max.size=64\nbatch.max.wait.ms=50\noutput.prefix=fromfile\n");
    Map<String, String> env = Map.of("NIGHTJAR_BATCH_MAX_SIZE", "32", "NIGHTJAR_OUTPUT_PREFIX", "fromenv");
    AppConfig c = new ConfigLoader(env).load(Optional.of(file), Map.of("output.prefix", "fromflag"));
    assertEquals(32, c.batchMaxSize());
    assertEquals(50, c.batchMaxWait().toMillis());
    assertEquals("fromflag", c.outputPrefix());
  }

  @Test
  void shouldPassKafkaSettingsThroughFromFileAndEnvironment(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("n.properties");
    Files.writeString(file, "kafka.security.protocol=SASL_SSL\nkafka.sasl.mechanism=SCRAM-SHA-512\n");
    Map<String, String> env = Map.of("NIGHTJAR_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    AppConfig c = new ConfigLoader(env).load(Optional.of(file), Map.of());
    assertEquals("SASL_SSL", c.kafka().get("security.protocol"));
    assertEquals("SCRAM-SHA-512", c.kafka().get("sasl.mechanism"));
    assertTrue(c.kafka().get("sasl.jaas.config").startsWith("org.apache.kafka"));
    assertEquals("******", KafkaProperties.masked(c.kafka()).get("sasl.jaas.config"));
    assertEquals("SASL_SSL", KafkaProperties.streams(c).getProperty("security.protocol"));
  }

  @Test
  void streamsTuningDefaultsGiveWayToThePassthrough() {
    AppConfig defaults = new ConfigLoader(Map.of()).load(Optional.empty(), Map.of());
    assertEquals(256, KafkaProperties.streams(defaults).get("buffered.records.per.partition"));
    assertEquals(64L << 20, KafkaProperties.streams(defaults).get("statestore.cache.max.bytes"));
    AppConfig tuned = new ConfigLoader(Map.of("NIGHTJAR_KAFKA_BUFFERED_RECORDS_PER_PARTITION", "1000"))
        .load(Optional.empty(), Map.of("kafka.statestore.cache.max.bytes", "0"));
    assertEquals("1000", KafkaProperties.streams(tuned).get("buffered.records.per.partition"));
    assertEquals("0", KafkaProperties.streams(tuned).get("statestore.cache.max.bytes"));
  }

  @Test
  void shouldRefuseUnknownKey(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("n.properties");
    Files.writeString(file, "batch.max.sise=64\n");
    ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(Optional.of(file), Map.of()));
    assertTrue(e.getMessage().contains("batch.max.sise"), e.getMessage());
  }

  @Test
  void shouldRefuseUnknownEnvironmentVariable() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> new ConfigLoader(Map.of("NIGHTJAR_BATCH_MAXSIZE", "3")).load(Optional.empty(), Map.of()));
    assertTrue(e.getMessage().contains("NIGHTJAR_BATCH_MAXSIZE"), e.getMessage());
  }

  @Test
  void shouldNameKeyValueAndRangeWhenOutOfRange() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> new ConfigLoader(Map.of()).load(Optional.empty(), Map.of("batch.max.size", "0")));
    assertTrue(e.getMessage().contains("batch.max.size") && e.getMessage().contains("'0'") && e.getMessage().contains("[1, 65536]"), e.getMessage());
  }

  @Test
  void shouldRefuseUnknownProcessingGuarantee() {
    assertThrows(ConfigException.class,
        () -> new ConfigLoader(Map.of()).load(Optional.empty(), Map.of("processing.guarantee", "exactly_once")));
  }

  @Test
  void envNameIsUpperSnakeCase() {
    assertEquals("NIGHTJAR_CODEC_MAX_INFLATED_CUTOUT_BYTES", ConfigLoader.envName("codec.max.inflated.cutout.bytes"));
  }
}
