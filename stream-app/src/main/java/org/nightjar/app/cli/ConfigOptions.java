package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.ConfigLoader;
import picocli.CommandLine.Option;

/** Options shared by every command that needs a configuration. */
public final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Properties file layered over the defaults (then NIGHTJAR_* environment variables).")
  Path file;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "Override one configuration key, e.g. -s batch.max.size=64 or -s kafka.security.protocol=SASL_SSL.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** Resolves defaults, file, environment and {@code --set}, then {@code extra} (the command's own). */
  public AppConfig load(Map<String, String> extra) {
    Map<String, String> all = new LinkedHashMap<>(overrides);
    all.putAll(extra);
    return ConfigLoader.fromSystemEnvironment().load(Optional.ofNullable(file), all);
  }
}
