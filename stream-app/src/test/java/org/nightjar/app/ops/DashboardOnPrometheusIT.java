package org.nightjar.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.app.broker.EmbeddedKafka;
import org.nightjar.app.broker.TopicAdmin;
import org.nightjar.app.cli.RunProcess;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.schemas.testing.SampleAlerts;

/**
 * The Grafana dashboard and the alert rules against a real Prometheus that scrapes a real
 * {@code nightjar run} on a clean night (valid alerts only, on the in-JVM broker): every metric
 * they name is scraped, every panel query returns data, every rule evaluates without error and
 * none is pending or firing. Skipped where Prometheus is not installed.
 */
class DashboardOnPrometheusIT {
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @TempDir Path tmp;

  @Test
  void shouldGiveEveryPanelDataAndEveryRuleItsMetricsOnACleanNight() throws Exception {
    Optional<Path> prometheus = OpsFiles.onPath("prometheus");
    assumeTrue(prometheus.isPresent(),
        "prometheus is not on the PATH: dashboard and alert rule check skipped (Debian: apt-get install prometheus)");
    List<byte[]> alerts = new ArrayList<>();
    for (Path p : SampleAlerts.ztf().subList(0, 24)) {
      alerts.add(Files.readAllBytes(p));
    }
    for (Path p : SampleAlerts.rubin().subList(0, 4)) {
      alerts.add(Files.readAllBytes(p));
    }

    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      Properties client = new Properties();
      client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      TopicAdmin.createMissing(client, List.of("alerts", "nj.scored", "nj.dlq", "nj.anomaly", "nj.artifact", "nj.star",
          "nj.galaxy"), 1, Optional.of((short) 1));
      int metricsPort = PrometheusServer.freePort();
      RunProcess nightjar = new RunProcess(Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "input.topics", "alerts",
          "output.prefix", "nj", "kafka.state.dir", tmp.resolve("state").toString(), "metrics.host", "127.0.0.1",
          "metrics.port", Integer.toString(metricsPort), "batch.max.size", "8", "commit.interval.ms", "100"), "512m", tmp);
      nightjar.start();
      try (PrometheusServer server = PrometheusServer.start(prometheus.get(), "127.0.0.1:" + metricsPort,
          OpsFiles.alertRulesFile(), Files.createDirectories(tmp.resolve("prometheus")))) {
        nightjar.awaitRunning(PATIENCE, () -> pause());
        await("Prometheus scrapes the running instance", server,
            () -> server.isReady() && !server.query("nightjar_stream_up == 1").path("result").isEmpty());
        try (KafkaProducer<byte[], byte[]> producer = AlertReplayer.producer(client)) {
          for (byte[] alert : alerts) {
            producer.send(new ProducerRecord<>("alerts", alert)).get();
          }
        }
        await("Prometheus scrapes all " + alerts.size() + " alerts scored", server,
            () -> value(server.query("sum(nightjar_alerts_scored_total)")) == alerts.size());
        await("every alert rule evaluated on the final counts", server, () -> allRulesSettled(server.rules()));

        assertDashboardHasData(server);
        assertRulesQuiet(server);
      } finally {
        nightjar.stop();
      }
    }
  }

  private static void assertDashboardHasData(PrometheusServer server) {
    Set<String> scraped = new TreeSet<>(server.metricNames());
    List<String> problems = new ArrayList<>();
    List<GrafanaQueries.Query> queries = GrafanaQueries.of(OpsFiles.dashboard());
    for (GrafanaQueries.Query q : queries) {
      String where = "panel '" + q.panel() + "' " + q.refId() + ": " + q.expr();
      unscraped(scraped, q.expr()).forEach(name -> problems.add(where + " names " + name + ", which nobody exports"));
      if (server.query(q.expr()).path("result").isEmpty()) {
        problems.add(where + " returns no data");
      }
    }
    assertEquals(List.of(), problems, "the dashboard on a clean night");
    System.out.printf("dashboard: %d queries, all with data%n", queries.size());
  }

  private static void assertRulesQuiet(PrometheusServer server) {
    Set<String> scraped = new TreeSet<>(server.metricNames());
    List<OpsFiles.AlertRule> rules = OpsFiles.alertRules();
    for (OpsFiles.AlertRule rule : rules) {
      assertEquals(Set.of(), unscraped(scraped, rule.expr()), "metrics alert " + rule.name() + " names that nobody exports");
      server.query(rule.expr()); // throws on an expression Prometheus rejects
    }
    List<String> loaded = new ArrayList<>();
    for (JsonNode group : server.rules().path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        loaded.add(rule.path("name").asText());
        assertEquals("inactive", rule.path("state").asText(), rule.path("name").asText() + " on a clean night: " + rule);
      }
    }
    assertEquals(rules.stream().map(OpsFiles.AlertRule::name).sorted().toList(), loaded.stream().sorted().toList(),
        "rules Prometheus loaded");
    System.out.printf("alert rules: %d evaluated, all healthy and inactive%n", rules.size());
  }

  private static Set<String> unscraped(Set<String> scraped, String expr) {
    Set<String> missing = new TreeSet<>(PromQlNames.of(expr));
    missing.removeAll(scraped);
    return missing;
  }

  /** Every rule evaluated without error and, with all alerts consumed, none pending any more. */
  private static boolean allRulesSettled(JsonNode rules) {
    boolean any = false;
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        any = true;
        if (!"ok".equals(rule.path("health").asText()) || !"inactive".equals(rule.path("state").asText())) {
          return false;
        }
      }
    }
    return any;
  }

  private static double value(JsonNode data) {
    JsonNode result = data.path("result");
    return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).path("value").get(1).asText());
  }

  private static void await(String what, PrometheusServer server, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        fail("Prometheus exited:\n" + Files.readString(server.log()));
      }
      if (server.isReady() && condition.getAsBoolean()) {
        return;
      }
      pause();
    }
    fail("timed out waiting until " + what + "; rules: " + server.rules() + "\nPrometheus log:\n" + Files.readString(server.log()));
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
