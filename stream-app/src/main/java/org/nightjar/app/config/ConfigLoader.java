package org.nightjar.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Layers configuration: the bundled {@code defaults.properties}, then an optional file, then
 * {@code NIGHTJAR_*} environment variables, then explicit overrides (CLI flags, tests). A key that
 * the defaults do not know fails startup, except {@code kafka.*} keys, which pass through.
 */
public final class ConfigLoader {
  static final String ENV_PREFIX = "NIGHTJAR_";
  private static final String KAFKA_PREFIX = "kafka.";
  /** Environment variables of ours that are not configuration keys (launcher, logging). */
  private static final List<String> NON_KEY_VARIABLES =
      List.of("NIGHTJAR_LOG_LEVEL", "NIGHTJAR_LIBRARY_LOG_LEVEL", "NIGHTJAR_JAVA_OPTS", "NIGHTJAR_HOME");

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Loader reading the process environment. */
  public static ConfigLoader fromSystemEnvironment() {
    return new ConfigLoader(System.getenv());
  }

  /** The raw defaults, in file order is not kept; sorted for display. */
  public static Map<String, String> defaults() {
    Properties p = new Properties();
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/defaults.properties")) {
      if (in == null) {
        throw new IllegalStateException("defaults.properties missing from the classpath");
      }
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read defaults.properties", e);
    }
    Map<String, String> m = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
    return m;
  }

  /**
   * Resolves the layered configuration.
   *
   * @param file optional properties file
   * @param overrides highest-priority values (e.g. from CLI flags)
   */
  public AppConfig load(Optional<Path> file, Map<String, String> overrides) {
    Map<String, String> values = resolve(file, overrides);
    return toConfig(values);
  }

  /** All resolved key/values, before typing; useful to print the effective configuration. */
  public Map<String, String> resolve(Optional<Path> file, Map<String, String> overrides) {
    Map<String, String> defaults = defaults();
    Map<String, String> values = new TreeMap<>(defaults);
    if (file.isPresent()) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new ConfigException("cannot read config file " + file.get() + ": " + e.getMessage());
      }
      p.stringPropertyNames().forEach(k -> put(values, defaults, k, p.getProperty(k).trim(), "file " + file.get()));
    }
    Map<String, String> envKeyByName = new LinkedHashMap<>();
    defaults.keySet().forEach(k -> envKeyByName.put(envName(k), k));
    new TreeMap<>(env).forEach((name, value) -> {
      if (!name.startsWith(ENV_PREFIX) || NON_KEY_VARIABLES.contains(name)) {
        return;
      }
      String key = envKeyByName.get(name);
      if (key == null && name.startsWith(ENV_PREFIX + "KAFKA_")) {
        key = KAFKA_PREFIX + name.substring((ENV_PREFIX + "KAFKA_").length()).toLowerCase(Locale.ROOT).replace('_', '.');
      }
      if (key == null) {
        throw new ConfigException("unknown environment variable " + name + " (no configuration key maps to it)");
      }
      put(values, defaults, key, value.trim(), "environment");
    });
    overrides.forEach((k, v) -> put(values, defaults, k, v, "override"));
    return values;
  }

  /** {@code batch.max.size} becomes {@code NIGHTJAR_BATCH_MAX_SIZE}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static void put(Map<String, String> values, Map<String, String> defaults, String key, String value, String origin) {
    if (!defaults.containsKey(key) && !key.startsWith(KAFKA_PREFIX)) {
      throw new ConfigException("unknown configuration key '" + key + "' (from " + origin + ")");
    }
    values.put(key, value);
  }

  static AppConfig toConfig(Map<String, String> v) {
    Map<String, String> kafka = new TreeMap<>();
    Map<String, String> stageSettings = new TreeMap<>();
    v.forEach((k, value) -> {
      if (!k.startsWith(KAFKA_PREFIX)) {
        stageSettings.put(k, value);
      } else if (!value.isEmpty()) {
        kafka.put(k.substring(KAFKA_PREFIX.length()), value);
      }
    });
    return new AppConfig(
        list(v, "input.topics"),
        v.get("output.prefix"),
        v.get("application.id"),
        v.get("instance.id"),
        v.get("processing.guarantee"),
        intValue(v, "num.stream.threads"),
        longValue(v, "commit.interval.ms"),
        intValue(v, "batch.max.size"),
        Duration.ofMillis(longValue(v, "batch.max.wait.ms")),
        boolValue(v, "commit.after.batch"),
        boolValue(v, "dedupe.enabled"),
        Duration.ofHours(longValue(v, "dedupe.retention.hours")),
        DedupeScope.parse(v.get("dedupe.scope")),
        optional(v, "codec.schema.dir"),
        optional(v, "codec.registry.url"),
        optional(v, "codec.raw.writer.schema"),
        longValue(v, "codec.max.inflated.cutout.bytes"),
        optional(v, "bundle.path"),
        list(v, "scorers"),
        stageSettings,
        v.get("metrics.host"),
        intValue(v, "metrics.port"),
        kafka);
  }

  private static List<String> list(Map<String, String> v, String key) {
    return Arrays.stream(v.get(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Optional<String> optional(Map<String, String> v, String key) {
    String s = v.get(key);
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static long longValue(Map<String, String> v, String key) {
    try {
      return Long.parseLong(v.get(key));
    } catch (NumberFormatException e) {
      throw new ConfigException(key, v.get(key), "an integer");
    }
  }

  private static int intValue(Map<String, String> v, String key) {
    long l = longValue(v, key);
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      throw new ConfigException(key, v.get(key), "a 32-bit integer");
    }
    return (int) l;
  }

  private static boolean boolValue(Map<String, String> v, String key) {
    String s = v.get(key);
    if (!s.equals("true") && !s.equals("false")) {
      throw new ConfigException(key, s, "true or false");
    }
    return Boolean.parseBoolean(s);
  }
}
