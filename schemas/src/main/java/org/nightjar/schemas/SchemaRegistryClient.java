package org.nightjar.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Fetches Avro schemas by id from a Confluent-compatible schema registry ({@code GET
 * {url}/schemas/ids/{id}} answering {@code {"schema": "..."}}), caching what it finds for the
 * codec's lifetime (ids are immutable in a registry) and ids the registry does not know for one
 * minute; an answer that is not a readable Avro schema counts as unknown. Thread-safe.
 *
 * <p>A registry that cannot be reached or answers with a server error is an infrastructure
 * failure, not a bad record: it surfaces as {@link UncheckedIOException}.
 */
final class SchemaRegistryClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final long NEGATIVE_TTL_NANOS = Duration.ofMinutes(1).toNanos();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final ConcurrentHashMap<Integer, Schema> found = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, Long> unknownUntil = new ConcurrentHashMap<>();

  SchemaRegistryClient(URI base) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** The schema registered under {@code id}; empty when the registry does not know it. */
  Optional<Schema> fetch(int id) {
    Schema cached = found.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Long until = unknownUntil.get(id);
    if (until != null && System.nanoTime() - until < 0) {
      return Optional.empty();
    }
    Optional<Schema> schema = request(id);
    if (schema.isPresent()) {
      found.put(id, schema.get());
      unknownUntil.remove(id);
    } else {
      unknownUntil.put(id, System.nanoTime() + NEGATIVE_TTL_NANOS);
    }
    return schema;
  }

  private Optional<Schema> request(int id) {
    URI uri = URI.create(base + "/schemas/ids/" + id);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(TIMEOUT)
        .header("Accept", "application/vnd.schemaregistry.v1+json, application/json")
        .GET()
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted while asking " + uri));
    } catch (IOException e) {
      throw new UncheckedIOException("schema registry " + uri + " unreachable: " + e.getMessage(), e);
    }
    int status = response.statusCode();
    if (status == 404) {
      return Optional.empty();
    }
    if (status != 200) {
      throw new UncheckedIOException(new IOException("schema registry " + uri + " answered HTTP " + status));
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      JsonNode type = body.get("schemaType");
      if (type != null && !type.asText().equalsIgnoreCase("AVRO")) {
        return Optional.empty();
      }
      JsonNode text = body.get("schema");
      if (text == null || !text.isTextual()) {
        return Optional.empty();
      }
      return Optional.of(new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false).parse(text.asText()));
    } catch (IOException | SchemaParseException e) {
      return Optional.empty(); // an unreadable answer will not get better by retrying: unknown id
    }
  }
}
