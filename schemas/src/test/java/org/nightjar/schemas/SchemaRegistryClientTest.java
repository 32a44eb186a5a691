package org.nightjar.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nightjar.schemas.testing.SampleAlerts;

class SchemaRegistryClientTest {
  private static final int REGISTERED_ID = 4243;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startRegistry() throws IOException {
    String schema = SchemaDirectory.load(Optional.empty()).byId(900).orElseThrow().schema().toString();
    byte[] body = new ObjectMapper().writeValueAsBytes(Map.of("schema", schema));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/schemas/ids/", exchange -> {
      requests.incrementAndGet();
      boolean known = exchange.getRequestURI().getPath().equals("/schemas/ids/" + REGISTERED_ID);
      byte[] answer = known ? body : "{\"error_code\":40403,\"message\":\"Schema not found\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
      exchange.sendResponseHeaders(known ? 200 : 404, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
  }

  @AfterEach
  void stopRegistry() {
    server.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static byte[] frameWithId(int id) {
    byte[] m = SampleAlerts.read("rubin-confluent/7912941781254298.avro");
    ByteBuffer.wrap(m, 1, 4).putInt(id);
    return m;
  }

  @Test
  void shouldFetchUnknownIdsFromTheRegistryOnceAndCacheThem() throws Exception {
    AlertCodec codec = new AlertCodec(CodecSettings.defaults().withRegistryUrl(url()));
    Alert alert = codec.decode(frameWithId(REGISTERED_ID));
    assertEquals(7912941781254298L, alert.alertId());
    assertEquals("42.43", alert.schemaVersion());
    codec.decode(frameWithId(REGISTERED_ID));
    assertEquals(1, requests.get());
  }

  @Test
  void shouldNotAskTheRegistryForShippedIds() throws Exception {
    AlertCodec codec = new AlertCodec(CodecSettings.defaults().withRegistryUrl(url()));
    assertEquals("9.0", codec.decode(frameWithId(900)).schemaVersion());
    assertEquals(0, requests.get());
  }

  @Test
  void shouldRejectIdsTheRegistryDoesNotKnow() {
    AlertCodec codec = new AlertCodec(CodecSettings.defaults().withRegistryUrl(url()));
    AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> codec.decode(frameWithId(4244)));
    assertEquals(RejectReason.UNKNOWN_SCHEMA_ID, e.reason());
    assertThrows(AlertDecodeException.class, () -> codec.decode(frameWithId(4244)));
    assertEquals(1, requests.get(), "unknown ids are cached for a while");
  }

  @Test
  void shouldReportAnUnreachableRegistryAsInfrastructureFailure() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    AlertCodec codec = new AlertCodec(CodecSettings.defaults().withRegistryUrl(URI.create("http://127.0.0.1:" + closedPort)));
    assertThrows(UncheckedIOException.class, () -> codec.decode(frameWithId(4245)));
  }
}
