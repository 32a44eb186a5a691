package org.nightjar.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The repository's {@code ops/} files that the ops tests check, and the Prometheus tools they run. */
final class OpsFiles {
  /** An alerting rule of the rules file. */
  record AlertRule(String name, String expr) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpsFiles() {}

  /** The folder holding {@code ops/}: tests run in a module folder, one below it. */
  static Path ops() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("ops/prometheus"))) {
        return dir.resolve("ops");
      }
    }
    throw new IllegalStateException("no ops/prometheus above " + Path.of("").toAbsolutePath());
  }

  static Path alertRulesFile() {
    return ops().resolve("prometheus/alert-rules.yml");
  }

  static Path dashboardFile() {
    return ops().resolve("grafana/dashboards/nightjar.json");
  }

  /** The promtool unit test files. */
  static List<Path> ruleTestFiles() {
    try (Stream<Path> files = Files.list(ops().resolve("prometheus/tests"))) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<AlertRule> alertRules() {
    List<AlertRule> rules = new ArrayList<>();
    for (JsonNode group : read(YAML, alertRulesFile()).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          rules.add(new AlertRule(rule.get("alert").asText(), rule.get("expr").asText()));
        }
      }
    }
    return rules;
  }

  static JsonNode yaml(Path file) {
    return read(YAML, file);
  }

  static JsonNode dashboard() {
    return read(JSON, dashboardFile());
  }

  /** An executable of that name on the PATH. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
