package org.nightjar.app.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The HTTP side of an instance: {@code /metrics} (Prometheus text format), {@code /health}
 * (alive) and {@code /ready} (processing), for Prometheus and Kubernetes probes.
 */
public final class MetricsServer implements AutoCloseable {
  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /** Where it listens. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /**
   * @param host the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
   * @param port the port; 0 picks a free one (see {@link #address()})
   */
  public static MetricsServer start(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier alive,
      BooleanSupplier ready) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      server.createContext("/metrics", ex -> {
        String accept = ex.getRequestHeaders().getFirst("Accept");
        String contentType = accept != null && accept.contains("application/openmetrics-text")
            ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
            : "text/plain; version=0.0.4; charset=utf-8";
        respond(ex, 200, contentType, registry.scrape(contentType));
      });
      server.createContext("/health", ex -> probe(ex, alive.getAsBoolean()));
      server.createContext("/ready", ex -> probe(ex, ready.getAsBoolean()));
      server.setExecutor(Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nightjar-metrics-http");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return new MetricsServer(server);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void probe(HttpExchange ex, boolean ok) throws IOException {
    respond(ex, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : "unavailable\n");
  }

  private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
