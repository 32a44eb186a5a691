package org.nightjar.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.ConfigLoader;
import org.nightjar.app.config.KafkaProperties;

class MetricsServerTest {

  private static final String SECRET = "s3cr3t-hunter2";

  @Test
  void shouldBindTheConfiguredAddressAndKeepSecretsOutOfTheScrapeAndTheStartupLog() throws Exception {
    AppConfig config = new ConfigLoader(Map.of("NIGHTJAR_KAFKA_SASL_JAAS_CONFIG",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"nj\" password=\"" + SECRET + "\";"))
        .load(Optional.empty(), Map.of("metrics.host", "127.0.0.1", "kafka.ssl.truststore.password", SECRET));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ScoringMetrics(registry).scored();
    try (MetricsServer server = MetricsServer.start(config.metricsHost(), 0, registry, () -> true, () -> true)) {
      assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
      HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.address().getPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, scrape.statusCode());
      assertTrue(scrape.body().contains("nightjar_alerts_scored_total"), scrape.body());
      assertFalse(scrape.body().contains(SECRET));
    }
    assertFalse(KafkaProperties.masked(config.kafka()).toString().contains(SECRET), "the configuration logged at start");
  }
}
