package org.nightjar.models.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code manifest.json} of a model bundle. Sections that belong to one model (preprocessing
 * constants, hyperparameters, training data) are open maps keyed by component, so a new component
 * adds its own entries without a format change; {@link #formatVersion()} changes only when the
 * structure does.
 *
 * <p>Immutable (maps are copied); thread-safe.
 *
 * @param formatVersion version of this manifest structure
 * @param name bundle name, e.g. {@code nightjar-default}
 * @param version semantic version of the bundle contents, {@code MAJOR.MINOR.PATCH}
 * @param createdAt when the bundle was written (ISO-8601 UTC)
 * @param trainingData what the models were trained on, by component
 * @param libraries library versions that wrote the components
 * @param preprocessing preprocessing constants, by component
 * @param hyperparameters hyperparameters, by component
 * @param components component files by component name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(
    int formatVersion,
    String name,
    String version,
    String createdAt,
    Map<String, Object> trainingData,
    Map<String, String> libraries,
    Map<String, Object> preprocessing,
    Map<String, Object> hyperparameters,
    Map<String, ComponentEntry> components) {

  /** The structure version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;
  /** The manifest's file name inside a bundle folder. */
  public static final String FILE_NAME = "manifest.json";

  private static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?");

  public BundleManifest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(createdAt, "createdAt");
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "manifest formatVersion " + formatVersion + " is not supported (expected " + FORMAT_VERSION + ")");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("bundle name is blank");
    }
    if (!SEMVER.matcher(version).matches()) {
      throw new IllegalArgumentException("bundle version '" + version + "' is not MAJOR.MINOR.PATCH");
    }
    Instant.parse(createdAt);
    trainingData = copy(trainingData);
    libraries = copy(libraries);
    preprocessing = copy(preprocessing);
    hyperparameters = copy(hyperparameters);
    components = copy(components);
  }

  /** The entry of component {@code name}. */
  public ComponentEntry component(String componentName) throws BundleException {
    ComponentEntry entry = components.get(componentName);
    if (entry == null) {
      throw new BundleException(
          "bundle '" + name + "' " + version + " has no component '" + componentName
              + "' (it has " + components.keySet() + ")");
    }
    return entry;
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
