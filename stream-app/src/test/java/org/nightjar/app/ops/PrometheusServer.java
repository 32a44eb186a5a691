package org.nightjar.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus process scraping one target every second and evaluating a rules file, with
 * its storage and log in a folder of the test. Queried through its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  private PrometheusServer(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /**
   * @param binary the {@code prometheus} executable
   * @param target {@code host:port} serving {@code /metrics}, scraped as job {@code nightjar}
   */
  static PrometheusServer start(Path binary, String target, Path rules, Path folder) throws IOException {
    Path config = folder.resolve("prometheus.yml");
    Files.writeString(config, String.join("\n",
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "rule_files:",
        "  - " + rules.toAbsolutePath(),
        "scrape_configs:",
        "  - job_name: nightjar",
        "    metrics_path: /metrics",
        "    static_configs:",
        "      - targets: [\"" + target + "\"]",
        ""));
    int port = freePort();
    Path log = folder.resolve("prometheus.log");
    Process process = new ProcessBuilder(List.of(binary.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port));
  }

  /** The {@code data} of an instant query; an error answer or a broken expression throws. */
  JsonNode query(String promql) {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  /** The {@code data} of {@code /api/v1/rules}: groups, rules, their health and state. */
  JsonNode rules() {
    return get("/api/v1/rules");
  }

  /** Every metric name stored so far. */
  List<String> metricNames() {
    return JSON.convertValue(get("/api/v1/label/__name__/values"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }

  boolean isReady() {
    try {
      return http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  private JsonNode get(String pathAndQuery) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
        throw new IllegalStateException(pathAndQuery + " -> HTTP " + response.statusCode() + ": " + response.body());
      }
      return body.path("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
