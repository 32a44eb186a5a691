package org.nightjar.models.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Collects components and manifest sections, then writes a bundle directory: the component
 * files first, {@code manifest.json} (with every file's SHA-256) last.
 *
 * <p>Not thread-safe: fill and write it from one thread.
 */
public final class ModelBundleWriter {

  private final String name;
  private final String version;
  private final Map<String, Object> trainingData = new LinkedHashMap<>();
  private final Map<String, String> libraries = new LinkedHashMap<>();
  private final Map<String, Object> preprocessing = new LinkedHashMap<>();
  private final Map<String, Object> hyperparameters = new LinkedHashMap<>();
  private final Map<String, String> files = new LinkedHashMap<>();
  private final Map<String, byte[]> contents = new LinkedHashMap<>();
  private Clock clock = Clock.systemUTC();

  public ModelBundleWriter(String name, String version) {
    this.name = Objects.requireNonNull(name, "name");
    this.version = Objects.requireNonNull(version, "version");
  }

  /** Starts from an existing bundle, keeping its components and sections (to add or replace one). */
  public static ModelBundleWriter from(ModelBundle bundle, String newVersion) throws BundleException {
    BundleManifest m = bundle.manifest();
    ModelBundleWriter writer = new ModelBundleWriter(m.name(), newVersion);
    writer.trainingData.putAll(m.trainingData());
    writer.libraries.putAll(m.libraries());
    writer.preprocessing.putAll(m.preprocessing());
    writer.hyperparameters.putAll(m.hyperparameters());
    for (Map.Entry<String, ComponentEntry> e : m.components().entrySet()) {
      writer.component(e.getKey(), e.getValue().file(), bundle.component(e.getKey()));
    }
    return writer;
  }

  public ModelBundleWriter optClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Adds or replaces component {@code componentName}, stored as {@code file}. */
  public ModelBundleWriter component(String componentName, String file, byte[] data) {
    files.put(componentName, file);
    contents.put(componentName, data.clone());
    return this;
  }

  public ModelBundleWriter trainingData(String key, Object value) {
    trainingData.put(key, value);
    return this;
  }

  public ModelBundleWriter library(String library, String libraryVersion) {
    libraries.put(library, libraryVersion);
    return this;
  }

  public ModelBundleWriter preprocessing(String key, Object value) {
    preprocessing.put(key, value);
    return this;
  }

  public ModelBundleWriter hyperparameter(String key, Object value) {
    hyperparameters.put(key, value);
    return this;
  }

  /** Writes the bundle into {@code directory} (created if needed) and returns its manifest. */
  public BundleManifest write(Path directory) throws BundleException {
    Map<String, ComponentEntry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      byte[] data = contents.get(e.getKey());
      entries.put(e.getKey(), new ComponentEntry(e.getValue(), Sha256.hex(data), data.length));
    }
    BundleManifest manifest =
        new BundleManifest(
            BundleManifest.FORMAT_VERSION, name, version,
            Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(),
            trainingData, libraries, preprocessing, hyperparameters, entries);
    try {
      Files.createDirectories(directory);
      for (Map.Entry<String, ComponentEntry> e : entries.entrySet()) {
        Files.write(directory.resolve(e.getValue().file()), contents.get(e.getKey()));
      }
      Files.write(directory.resolve(BundleManifest.FILE_NAME), ManifestJson.write(manifest));
    } catch (IOException e) {
      throw new BundleException("cannot write bundle to " + directory + ": " + e.getMessage(), e);
    }
    return manifest;
  }
}
