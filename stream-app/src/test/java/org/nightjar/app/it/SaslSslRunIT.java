package org.nightjar.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.app.NightjarStreams;
import org.nightjar.app.broker.SaslSslBroker;
import org.nightjar.app.broker.SelfSignedCertificate;
import org.nightjar.app.broker.TopicAdmin;
import org.nightjar.app.cli.RunProcess;
import org.nightjar.app.config.ConfigLoader;
import org.nightjar.app.config.KafkaProperties;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.app.replay.OutputTally;
import org.nightjar.app.security.AccessFailure;
import org.nightjar.app.security.KafkaAccessCheck;
import org.nightjar.app.security.KafkaAccessDeniedException;
import org.nightjar.schemas.testing.SampleAlerts;

/**
 * {@code nightjar run} (the real CLI in its own JVM) against a broker whose listener speaks
 * SASL_SSL with SCRAM-SHA-512 and a certificate made for the test: with the right password it
 * scores real alerts, and no secret shows in its log or its {@code /metrics}; with a wrong one it
 * stops by itself, soon, with exit code 77 and a message that says what failed, where, and how,
 * without the password. The secrets reach it through the environment, as the README advises.
 */
class SaslSslRunIT {
  private static final String USER = "nightjar";
  private static final String PASSWORD = "scram-" + UUID.randomUUID();
  private static final int ALERTS = 6;
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path brokerDir;
  @TempDir Path tmp;
  private static SaslSslBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = SaslSslBroker.start(brokerDir, USER, PASSWORD);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void shouldScoreOverSaslSslWithoutShowingAnySecret() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String input = "alerts-" + run;
    String prefix = "nj-" + run;
    TopicAdmin.createMissing(plaintext(), List.of(input, prefix + ".scored", prefix + ".dlq", prefix + ".anomaly",
        prefix + ".artifact", prefix + ".star", prefix + ".galaxy"), 1, Optional.of((short) 1));
    int metricsPort = freePort();
    RunProcess nightjar = nightjar(run, input, prefix, metricsPort, PASSWORD);
    String scrape;
    try (OutputTally tally = new OutputTally(plaintext(), prefix + ".scored", prefix + ".dlq");
        KafkaProducer<byte[], byte[]> producer = AlertReplayer.producer(plaintext())) {
      nightjar.start();
      for (Path alert : SampleAlerts.ztf().subList(0, ALERTS)) {
        producer.send(new ProducerRecord<>(input, Files.readAllBytes(alert))).get();
      }
      assertTrue(tally.awaitTotal(() -> ALERTS, Duration.ofMinutes(2)),
          "scored " + tally.scored() + " of " + ALERTS + "; see " + nightjar.log());
      assertEquals(ALERTS, tally.scored(), "dead-lettered " + tally.deadLettered());
      scrape = metrics(metricsPort);
    } finally {
      nightjar.stop();
    }
    assertTrue(scrape.contains("nightjar_alerts_scored_total"), scrape);
    assertNoSecret(scrape, "/metrics");
    String log = Files.readString(nightjar.log());
    assertTrue(log.contains("accepts this client (SASL_SSL)"), log);
    assertTrue(log.contains("sasl.jaas.config=******") && log.contains("ssl.truststore.password=******"),
        "the resolved configuration is logged, secrets masked:\n" + log);
    assertNoSecret(log, "the log");
  }

  @Test
  void shouldStopWithAClearMessageWhenThePasswordIsWrong() throws Exception {
    String wrong = "wrong-" + UUID.randomUUID();
    RunProcess nightjar = nightjar("wrong", "alerts-wrong", "nj-wrong", 0, wrong);
    long begin = System.nanoTime();
    nightjar.start();
    OptionalInt exit;
    try {
      exit = nightjar.awaitExit(EXIT_TIMEOUT);
    } finally {
      nightjar.kill();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    String log = Files.readString(nightjar.log());
    assertEquals(OptionalInt.of(KafkaAccessDeniedException.EXIT_CODE), exit, "exit code; log:\n" + log);
    String message = log.lines().filter(l -> l.startsWith("run: Kafka refused access")).findFirst()
        .orElseThrow(() -> new AssertionError("no access-denied message in:\n" + log));
    System.out.printf("wrong password: exit %d after %d ms: %s%n", exit.getAsInt(), took.toMillis(), message);
    for (String expected : List.of("authentication failed", "user '" + USER + "'", SaslSslBroker.MECHANISM, "SASL_SSL",
        broker.bootstrapServers(), "kafka.sasl.jaas.config")) {
      assertTrue(message.contains(expected), "'" + expected + "' in: " + message);
    }
    assertFalse(log.contains(wrong), "the wrong password in the log");
    assertNoSecret(log, "the log");
    assertFalse(log.lines().anyMatch(l -> l.startsWith("\tat ")), "no stack trace:\n" + log);
  }

  /** A trust store that lacks the broker's certificate fails the handshake, and the message says where to look. */
  @Test
  void shouldPointAtTheTrustStoreWhenTheBrokerIsNotTrusted() throws Exception {
    SelfSignedCertificate other = SelfSignedCertificate.forLocalhost(tmp);
    Properties client = new Properties();
    client.putAll(broker.clientSettings(USER, PASSWORD));
    client.put("ssl.truststore.location", other.trustStore().toString());
    client.put("ssl.truststore.password", other.trustStorePassword());
    KafkaAccessDeniedException denied = assertThrows(KafkaAccessDeniedException.class,
        () -> KafkaAccessCheck.verify(client, Duration.ofSeconds(30)));
    assertEquals(AccessFailure.TLS, denied.failure(), denied.getMessage());
    assertTrue(denied.getMessage().contains("kafka.ssl.truststore.location"), denied.getMessage());
    assertTrue(denied.getMessage().contains("PKIX"), "why the certificate was refused: " + denied.getMessage());
    assertFalse(denied.getMessage().contains(other.trustStorePassword()), denied.getMessage());
  }

  /**
   * Past the access check (credentials revoked while running, an ACL removed), Kafka Streams meets
   * the refusal itself: the instance shuts down and says why instead of replacing its thread forever.
   */
  @Test
  void shouldShutDownKafkaStreamsWhenTheClusterRefusesItsCredentials() {
    Properties properties = new Properties();
    properties.putAll(broker.clientSettings(USER, "wrong-" + UUID.randomUUID()));
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "nightjar-sasl-refused");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("state").toString());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("alerts-refused").to("nj-refused.scored");
    try (NightjarStreams streams = new NightjarStreams(builder.build(), properties)) {
      KafkaAccessDeniedException denied = assertThrows(KafkaAccessDeniedException.class,
          () -> streams.startAndAwaitRunning(EXIT_TIMEOUT));
      assertEquals(AccessFailure.AUTHENTICATION, denied.failure());
      assertTrue(denied.getMessage().contains(SaslSslBroker.MECHANISM), denied.getMessage());
      assertFalse(denied.getMessage().contains(properties.getProperty("sasl.jaas.config")), denied.getMessage());
    }
  }

  /** The CLI with the broker's client settings: the secrets as environment variables, the rest as -s flags. */
  private RunProcess nightjar(String run, String input, String prefix, int metricsPort, String password) {
    Map<String, String> settings = new TreeMap<>(Map.of("input.topics", input, "output.prefix", prefix,
        "application.id", "nightjar-sasl-" + run, "kafka.state.dir", tmp.resolve("state").toString(),
        "metrics.host", "127.0.0.1", "metrics.port", Integer.toString(metricsPort), "batch.max.size", "4",
        "commit.interval.ms", "100"));
    Map<String, String> environment = new TreeMap<>();
    broker.clientSettings(USER, password).forEach((key, value) -> {
      if (KafkaProperties.isSecret(key)) {
        environment.put(ConfigLoader.envName("kafka." + key), value);
      } else {
        settings.put("kafka." + key, value);
      }
    });
    return new RunProcess(settings, environment, "512m", tmp);
  }

  private static void assertNoSecret(String text, String where) {
    assertFalse(text.contains(PASSWORD), "the SASL password in " + where);
    assertFalse(text.contains(broker.certificate().trustStorePassword()), "the trust store password in " + where);
    assertFalse(text.contains(broker.certificate().keyStorePassword()), "the key store password in " + where);
  }

  private static Properties plaintext() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.plaintextBootstrapServers());
    return p;
  }

  private static String metrics(int port) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
