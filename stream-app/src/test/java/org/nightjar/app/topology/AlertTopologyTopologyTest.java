package org.nightjar.app.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.ConfigLoader;
import org.nightjar.app.config.KafkaProperties;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.StageListener;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.ScoresEncoding;
import org.nightjar.schemas.avro.AlertScores;
import org.nightjar.schemas.avro.QualityFlag;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;

class AlertTopologyTopologyTest {
  private final AlertCodec codec = AlertCodec.withDefaults();
  private ScoringMetrics metrics;
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> input;
  private TestOutputTopic<byte[], byte[]> scored;
  private TestOutputTopic<byte[], byte[]> dlq;
  /** A state folder of the test's own: state left in the shared default by an aborted run corrupts the task. */
  @TempDir Path state;

  @BeforeEach
  void setUp() {
    start(Map.of());
  }

  /** A driver over the topology with a batch of 4, a wait of 100 ms and {@code settings} on top. */
  private void start(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(
        Map.of("batch.max.size", "4", "batch.max.wait.ms", "100", "kafka.bootstrap.servers", "unused:9092"));
    all.putAll(settings);
    AppConfig config = new ConfigLoader(Map.of()).load(Optional.empty(), all);
    metrics = ScoringMetrics.inMemory();
    ScoringPipeline pipeline = new ScoringPipeline(List.of(), Optional.empty(), StageListener.NONE, Clock.systemUTC());
    AlertTopology topology = new AlertTopology(config, AlertDecoder.of(codec), pipeline, Optional.empty(), metrics, Clock.systemUTC());
    Properties props = KafkaProperties.streams(config);
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    driver = new TopologyTestDriver(topology.build(), props);
    input = driver.createInputTopic("ztf-alerts", new ByteArraySerializer(), new ByteArraySerializer());
    scored = driver.createOutputTopic("nightjar.scored", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    dlq = driver.createOutputTopic("nightjar.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void shouldHoldAlertsUntilTheBatchFillsThenScoreThemAll() throws Exception {
    List<Path> ztf = SampleAlerts.ztf();
    for (int i = 0; i < 3; i++) {
      input.pipeInput(Files.readAllBytes(ztf.get(i)));
    }
    assertTrue(scored.isEmpty(), "a batch of 4 is not full after 3 alerts");
    input.pipeInput(Files.readAllBytes(ztf.get(3)));
    List<TestRecord<byte[], byte[]>> out = scored.readRecordsToList();
    assertEquals(4, out.size());
    for (TestRecord<byte[], byte[]> r : out) {
      AlertScores s = ScoresEncoding.decode(r.value());
      assertEquals(s.getObjectId(), new String(r.key(), StandardCharsets.UTF_8), "scored records are keyed by object id");
      assertEquals("", header(r, BatchScoreProcessor.TAGS_HEADER), "no tagging stage is configured, so no tag");
      assertEquals(null, s.getArtifact(), "no embedding stage configured: no artifact section");
    }
    assertEquals(4, metrics.count("nightjar.alerts.scored"));
  }

  @Test
  void shouldCloseAPartialBatchAfterTheWait() throws Exception {
    input.pipeInput(Files.readAllBytes(SampleAlerts.ztf().get(0)));
    assertTrue(scored.isEmpty());
    driver.advanceWallClockTime(Duration.ofMillis(150));
    assertEquals(1, scored.readRecordsToList().size());
  }

  @Test
  void shouldCloseABatchAsSoonAsTheInputIsDrained() throws Exception {
    input.pipeInput(Files.readAllBytes(SampleAlerts.ztf().get(0)));
    driver.advanceWallClockTime(BatchScoreProcessor.DRAIN_CHECK);
    assertTrue(scored.isEmpty(), "an alert arrived since the previous check: more may follow");
    driver.advanceWallClockTime(BatchScoreProcessor.DRAIN_CHECK);
    assertEquals(1, scored.readRecordsToList().size(), "nothing arrived since: drained, scored long before batch.max.wait.ms");
  }

  @Test
  void shouldKeepABatchOpenWhileAlertsKeepArriving() throws Exception {
    List<Path> ztf = SampleAlerts.ztf();
    for (int i = 0; i < 3; i++) {
      input.pipeInput(Files.readAllBytes(ztf.get(i)));
      driver.advanceWallClockTime(BatchScoreProcessor.DRAIN_CHECK);
    }
    assertTrue(scored.isEmpty(), "each check saw a new alert");
    driver.advanceWallClockTime(BatchScoreProcessor.DRAIN_CHECK);
    assertEquals(3, scored.readRecordsToList().size(), "one batch of three");
  }

  @ParameterizedTest
  @ValueSource(strings = {"alert-id", "partition"})
  void shouldEmitARepeatedAlertIdOnce(String scope) throws Exception {
    driver.close();
    start(Map.of("dedupe.scope", scope));
    byte[] alert = Files.readAllBytes(SampleAlerts.ztf().get(0));
    input.pipeInput(alert);
    input.pipeInput(alert);
    driver.advanceWallClockTime(Duration.ofMillis(150));
    input.pipeInput(alert);
    driver.advanceWallClockTime(Duration.ofMillis(150));
    assertEquals(1, scored.readRecordsToList().size());
    assertEquals(2, metrics.count("nightjar.alerts.duplicates"));
  }

  @Test
  void shouldDeadLetterUndecodableMessageWithOriginalBytesAndReason() {
    BadAlerts.Case bad = BadAlerts.notAvro();
    input.pipeInput("k".getBytes(StandardCharsets.UTF_8), bad.message());
    TestRecord<byte[], byte[]> r = dlq.readRecord();
    assertEquals(List.of(), List.of(scored.readRecordsToList().toArray()));
    assertTrue(java.util.Arrays.equals(bad.message(), r.value()), "original bytes kept");
    assertEquals("k", new String(r.key(), StandardCharsets.UTF_8), "original key kept");
    assertEquals("not-avro", header(r, DeadLetter.REASON));
    assertEquals("decode", header(r, DeadLetter.STAGE));
    assertEquals("ztf-alerts", header(r, DeadLetter.SOURCE_TOPIC));
    assertEquals("0", header(r, DeadLetter.SOURCE_OFFSET));
    assertTrue(header(r, DeadLetter.CLASS).endsWith("AlertDecodeException"), header(r, DeadLetter.CLASS));
    assertEquals(1, metrics.count("nightjar.alerts.deadlettered"));
  }

  @Test
  void shouldDeadLetterEveryBadCaseWithItsReasonAndKeepGoing() throws Exception {
    List<BadAlerts.Case> cases = BadAlerts.all();
    for (BadAlerts.Case c : cases) {
      input.pipeInput(c.message());
    }
    input.pipeInput(Files.readAllBytes(SampleAlerts.ztf().get(5)));
    driver.advanceWallClockTime(Duration.ofMillis(150));
    List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
    assertEquals(cases.size(), letters.size());
    Map<String, Long> expected = new TreeMap<>();
    cases.forEach(c -> expected.merge(c.expected().code(), 1L, Long::sum));
    Map<String, Long> actual = new TreeMap<>();
    letters.forEach(r -> actual.merge(header(r, DeadLetter.REASON), 1L, Long::sum));
    assertEquals(expected, actual);
    for (TestRecord<byte[], byte[]> r : letters) {
      String stage = header(r, DeadLetter.STAGE);
      assertTrue(stage.equals("decode") || stage.equals("cutouts"), stage);
    }
    assertEquals(1, scored.readRecordsToList().size(), "the valid alert after them is scored");
  }

  @Test
  void shouldScoreAGoodCopyThatArrivesAfterACorruptOneWasDeadLettered() throws Exception {
    BadAlerts.Case corrupt = BadAlerts.truncatedGzipCutout();
    input.pipeInput(corrupt.message());
    driver.advanceWallClockTime(Duration.ofMillis(150));
    assertEquals(1, dlq.readRecordsToList().size());
    input.pipeInput(SampleAlerts.read(BadAlerts.FINK_ZTF)); // the packet the corrupt copy was made from
    driver.advanceWallClockTime(Duration.ofMillis(150));
    assertEquals(1, scored.readRecordsToList().size());
    assertEquals(0, metrics.count("nightjar.alerts.duplicates"));
  }

  @Test
  void shouldScoreAGoodCopyThatSharesAMicroBatchWithACorruptOne() throws Exception {
    input.pipeInput(BadAlerts.truncatedGzipCutout().message());
    input.pipeInput(SampleAlerts.read(BadAlerts.FINK_ZTF)); // the packet the corrupt copy was made from
    input.pipeInput(SampleAlerts.read(BadAlerts.FINK_ZTF)); // and a plain repeat of it
    driver.advanceWallClockTime(Duration.ofMillis(150));
    assertEquals(1, dlq.readRecordsToList().size(), "the corrupt copy is dead-lettered");
    assertEquals(1, scored.readRecordsToList().size(), "the good copy is scored once");
    assertEquals(1, metrics.count("nightjar.alerts.duplicates"), "the repeat is a duplicate");
  }

  @Test
  void shouldDeadLetterACorruptCopyThatArrivesAfterTheGoodOneWasScored() throws Exception {
    input.pipeInput(SampleAlerts.read(BadAlerts.FINK_ZTF));
    input.pipeInput(SampleAlerts.read(BadAlerts.RUBIN_FRAME));
    driver.advanceWallClockTime(Duration.ofMillis(150));
    assertEquals(2, scored.readRecordsToList().size());
    input.pipeInput(BadAlerts.truncatedGzipCutout().message()); // the ZTF packet with a broken stamp
    input.pipeInput(BadAlerts.trailingBytesAfterFrame().message()); // the Rubin frame with bytes after it
    driver.advanceWallClockTime(Duration.ofMillis(150));
    List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
    Map<String, String> stageByReason = new TreeMap<>();
    letters.forEach(r -> stageByReason.put(header(r, DeadLetter.REASON), header(r, DeadLetter.STAGE)));
    assertEquals(2, letters.size());
    assertEquals(Map.of("truncated-gzip", "cutouts", "not-avro", "decode"), stageByReason,
        "dead-lettered with the reasons and stages they get when they come first");
    assertEquals(0, metrics.count("nightjar.alerts.duplicates"), "a broken copy is no repeat");
    assertTrue(scored.isEmpty());
  }

  @Test
  void shouldFlagAnAllNanStampInsteadOfRejectingIt() throws Exception {
    input.pipeInput(BadAlerts.allNanCutout());
    driver.advanceWallClockTime(Duration.ofMillis(150));
    AlertScores s = ScoresEncoding.decode(scored.readRecord().value());
    assertTrue(s.getFlags().contains(QualityFlag.ALL_NAN_CUTOUT), s.getFlags().toString());
    assertTrue(dlq.isEmpty());
  }

  private static String header(TestRecord<byte[], byte[]> r, String key) {
    Header h = r.headers().lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
