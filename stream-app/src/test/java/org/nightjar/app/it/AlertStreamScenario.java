package org.nightjar.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.app.broker.TopicAdmin;
import org.nightjar.app.cli.RunProcess;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.app.replay.OutputTally;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;

/**
 * The foundation scenario against a real broker: N valid alerts (ZTF with and without stamps,
 * Rubin, an all-NaN stamp), D repeats of some of them and M bad messages of every kind go in;
 * the Nightjar process (the real CLI in its own JVM) is killed with SIGKILL three times at random
 * moments mid-stream and started again each time. Exactly N distinct
 * alert ids must come out on {@code .scored}, none twice, and M messages on {@code .dlq}, each
 * with its reason. Subclasses say which broker.
 */
abstract class AlertStreamScenario {
  protected static final Duration OUTPUT_TIMEOUT = Duration.ofMinutes(3);
  /** SIGKILLs of the Nightjar process during one run of the scenario. */
  private static final int KILLS = 3;

  /** Bootstrap servers of the broker under test. */
  protected abstract String bootstrapServers();

  @TempDir Path tmp;

  /** The messages of one run: valid alerts, repeats and bad messages, shuffled, on fresh topics. */
  protected record Run(String input, String prefix, String applicationSuffix, List<byte[]> valid, List<BadAlerts.Case> bad,
      List<byte[]> messages, Map<String, Long> expectedReasons) {
    int expectedOutputs() {
      return valid.size() + bad.size();
    }

    String applicationId() {
      return "nightjar-it-" + applicationSuffix;
    }
  }

  protected Run newRun() throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String input = "alerts-" + run;
    String prefix = "nj-" + run;
    createTopics(List.of(input, prefix + ".scored", prefix + ".dlq", prefix + ".anomaly", prefix + ".artifact",
        prefix + ".star", prefix + ".galaxy"));

    List<Path> ztf = SampleAlerts.ztf();
    List<byte[]> valid = new ArrayList<>();
    for (Path p : ztf.subList(0, 40)) {
      valid.add(Files.readAllBytes(p));
    }
    for (Path p : SampleAlerts.ztfWithoutCutouts().subList(0, 3)) {
      valid.add(Files.readAllBytes(p));
    }
    for (Path p : SampleAlerts.rubin().subList(0, 4)) {
      valid.add(Files.readAllBytes(p));
    }
    for (Path p : SampleAlerts.rubinConfluent()) {
      valid.add(Files.readAllBytes(p));
    }
    valid.add(BadAlerts.allNanCutout());
    long distinctValid = valid.stream().map(AlertStreamScenario::alertId).distinct().count();
    assertEquals(valid.size(), distinctValid, "the valid set itself has no repeated alert id");

    // Decode failures as they come; each bad stamp is planted in a different real packet, so that
    // the bad messages carry distinct alert ids (copies of one alert would rightly be repeats).
    // One of them, a valid Rubin frame with bytes after it, shares its id with a valid alert: in
    // whichever order the two meet (not fixed across partitions), it is dead-lettered, never a repeat.
    List<BadAlerts.Case> bad = new ArrayList<>();
    int host = 40;
    for (BadAlerts.Case c : BadAlerts.all()) {
      if (c.failingCutout().isEmpty()) {
        bad.add(c);
      } else {
        CutoutKind kind = c.failingCutout().get();
        byte[] planted = BadAlerts.withStamp(Files.readAllBytes(ztf.get(host++)), kind, BadAlerts.stampOf(c.message(), kind));
        bad.add(new BadAlerts.Case(c.name(), planted, c.expected(), c.failingCutout()));
      }
    }
    Map<String, Long> expectedReasons = new TreeMap<>();
    bad.forEach(c -> expectedReasons.merge(c.expected().code(), 1L, Long::sum));

    List<byte[]> messages = new ArrayList<>(valid);
    messages.addAll(valid.subList(0, 5)); // repeats, as a redelivering upstream broker sends them
    bad.forEach(c -> messages.add(c.message()));
    Collections.shuffle(messages, new Random(42));
    return new Run(input, prefix, run, valid, bad, messages, expectedReasons);
  }

  /** Every valid alert scored exactly once, every bad message dead-lettered once with its reason. */
  protected static void assertExactlyOnce(Run r, OutputTally tally) {
    List<byte[]> valid = r.valid();
    assertEquals(valid.size(), tally.scored(), "every valid alert scored exactly once");
    assertEquals(valid.size(), tally.alertIds().size(), "distinct alert ids");
    assertEquals(0, tally.repeatedIds(), "no alert id twice");
    assertEquals(r.bad().size(), tally.deadLettered(), "every bad message dead-lettered exactly once");
    assertEquals(r.expectedReasons(), tally.reasons(), "dead-letter reasons");
    assertEquals(3, tally.withoutStamps(), "the three packets without stamps");
    assertEquals(valid.size() - 3, tally.reconstructionErrors().size(),
        "the shipped autoencoder measured every alert that has stamps");
    assertEquals(valid.size() - 3, tally.withAnomaly(),
        "every alert with stamps has an anomaly score, percentile and neighbours of its own survey");
    assertEquals(valid.size() - 3, tally.withArtifactProbability(), "and an artifact probability");
  }

  /**
   * What a timed-out run lacks, for the failure message: the valid alert ids never scored, the
   * dead letters missing by reason, and what the broker holds ({@link BrokerView}). The instance's
   * logs are copied to {@code target/it-logs} (the test's own folder is removed afterwards), so
   * that an intermittent failure can be read.
   */
  protected String whatIsMissing(Run r, OutputTally tally, String testName) {
    Set<Long> seen = tally.alertIds();
    List<Long> missing = r.valid().stream().map(AlertStreamScenario::alertId).filter(id -> !seen.contains(id)).toList();
    Path kept = Path.of("target", "it-logs", testName + "-" + r.applicationSuffix());
    try (var logs = Files.list(tmp)) {
      Files.createDirectories(kept);
      for (Path log : logs.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
        Files.copy(log, kept.resolve(log.getFileName()));
      }
    } catch (IOException e) {
      kept = Path.of("(logs not copied: " + e.getMessage() + ")");
    }
    Map<String, Long> lackingReasons = new TreeMap<>();
    r.expectedReasons().forEach((reason, n) -> {
      long lacking = n - tally.reasons().getOrDefault(reason, 0L);
      if (lacking != 0) {
        lackingReasons.put(reason, lacking);
      }
    });
    return "scored " + tally.scored() + " of " + r.valid().size() + " (valid alert ids never scored: " + missing
        + "), dead-lettered " + tally.deadLettered() + " of " + r.bad().size() + " (dead letters lacking, by reason: "
        + lackingReasons + "); instance logs in " + kept.toAbsolutePath() + "; on the broker:"
        + BrokerView.describe(bootstrapServers(), r.input(), r.applicationId(), r.prefix() + ".scored", r.prefix() + ".dlq");
  }

  protected OutputTally tally(Run r) {
    Properties clients = new Properties();
    clients.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return new OutputTally(clients, r.prefix() + ".scored", r.prefix() + ".dlq");
  }

  @Test
  void shouldScoreEveryValidAlertOnceAndDeadLetterEveryBadOneAcrossKills() throws Exception {
    Run r = newRun();
    String input = r.input();
    List<byte[]> messages = r.messages();
    int total = r.expectedOutputs();
    Random moments = new Random(7);
    try (OutputTally tally = tally(r); KafkaProducer<byte[], byte[]> producer = producer()) {
      // The input arrives in KILLS + 1 parts. While an instance works through a part, it is
      // killed at a random point (some of the part out, the rest in flight or in an open
      // transaction), the next part arrives while nothing runs, and the same instance restarts.
      RunProcess nightjar = nightjar(r);
      nightjar.start();
      int parts = KILLS + 1;
      int sent = 0;
      for (int part = 0; part < parts; part++) {
        int end = (int) Math.round(messages.size() * (part + 1) / (double) parts);
        for (byte[] m : messages.subList(sent, end)) {
          producer.send(new ProducerRecord<>(input, m)).get();
        }
        int partSize = end - sent;
        sent = end;
        if (part == parts - 1) {
          break;
        }
        long outBefore = tally.scored() + tally.deadLettered();
        long target = outBefore + 1 + moments.nextInt(Math.max(1, partSize / 2));
        assertTrue(tally.awaitTotal(() -> target, OUTPUT_TIMEOUT), "no output from instance " + part);
        Thread.sleep(moments.nextInt(150));
        long atKill = tally.scored() + tally.deadLettered();
        nightjar.kill();
        assertTrue(atKill < total, "kill " + (part + 1) + " came after the stream finished (" + atKill + ")");
        nightjar.start();
        Duration toRunning = nightjar.awaitRunning(OUTPUT_TIMEOUT, () -> sleep(100));
        System.out.printf("kill %d at %d of %d out; restarted instance RUNNING after %d ms%n", part + 1, atKill, total,
            toRunning.toMillis());
      }
      try {
        boolean complete = tally.awaitTotal(() -> total, OUTPUT_TIMEOUT);
        tally.drain(Duration.ofSeconds(3));
        assertTrue(complete, () -> "timed out: " + whatIsMissing(r, tally, "kills"));
      } finally {
        nightjar.stop();
      }

      assertExactlyOnce(r, tally);
    }
  }

  private static long alertId(byte[] message) {
    try {
      return AlertCodec.withDefaults().decode(message).alertId();
    } catch (Exception e) {
      throw new AssertionError("sample message does not decode", e);
    }
  }

  private void createTopics(List<String> names) {
    Properties client = new Properties();
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    TopicAdmin.createMissing(client, names, 3, Optional.of((short) 1));
  }

  protected KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return AlertReplayer.producer(p);
  }

  /** The real CLI in its own JVM, so that it can be killed like a crashed pod; logs in the test's folder. */
  protected RunProcess nightjar(Run r) {
    return new RunProcess(Map.of("kafka.bootstrap.servers", bootstrapServers(), "input.topics", r.input(),
        "output.prefix", r.prefix(), "application.id", r.applicationId(),
        "kafka.state.dir", tmp.resolve("state").toString(), "metrics.port", "0", "batch.max.size", "8",
        "commit.interval.ms", "100"), "512m", tmp);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
