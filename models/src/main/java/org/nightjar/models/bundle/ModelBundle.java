package org.nightjar.models.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A verified model bundle held in memory: the manifest and the bytes of every component, each of
 * which matched its recorded SHA-256 when the bundle was opened. Typed loaders (for example the
 * autoencoder's) read their component through {@link #component(String)}.
 *
 * <p>Immutable; thread-safe.
 */
public final class ModelBundle {

  /** Classpath folder of the bundle that ships with this module. */
  public static final String DEFAULT_RESOURCE = "org/nightjar/models/bundle/default";

  private static final String MANIFEST = BundleManifest.FILE_NAME;

  private final BundleManifest manifest;
  private final String manifestSha256;
  private final Map<String, byte[]> components;
  private final String origin;

  private ModelBundle(
      BundleManifest manifest, String manifestSha256, Map<String, byte[]> components, String origin) {
    this.manifest = manifest;
    this.manifestSha256 = manifestSha256;
    this.components = components;
    this.origin = origin;
  }

  /** Opens and verifies the bundle in {@code directory}. */
  public static ModelBundle open(Path directory) throws BundleException {
    Objects.requireNonNull(directory, "directory");
    return load(name -> readFile(directory.resolve(name)), directory.toString());
  }

  /** Opens and verifies a bundle stored as a classpath folder, e.g. {@link #DEFAULT_RESOURCE}. */
  public static ModelBundle fromClasspath(String folder) throws BundleException {
    String base = folder.endsWith("/") ? folder : folder + "/";
    ClassLoader loader = ModelBundle.class.getClassLoader();
    return load(
        name -> {
          try (InputStream in = loader.getResourceAsStream(base + name)) {
            return in == null ? null : in.readAllBytes();
          }
        },
        "classpath:" + base);
  }

  /** The bundle shipped in this module's resources. */
  public static ModelBundle defaultBundle() throws BundleException {
    return fromClasspath(DEFAULT_RESOURCE);
  }

  public BundleManifest manifest() {
    return manifest;
  }

  /** SHA-256 of {@code manifest.json}, which pins every component through their checksums. */
  public String sha256() {
    return manifestSha256;
  }

  /** Where the bundle was read from (a directory or {@code classpath:folder/}). */
  public String origin() {
    return origin;
  }

  /** The verified bytes of component {@code name} (a copy). */
  public byte[] component(String name) throws BundleException {
    manifest.component(name);
    return components.get(name).clone();
  }

  /** The verified bytes of component {@code name} as a stream. */
  public InputStream openComponent(String name) throws BundleException {
    manifest.component(name);
    return new ByteArrayInputStream(components.get(name));
  }

  public boolean hasComponent(String name) {
    return components.containsKey(name);
  }

  @Override
  public String toString() {
    return manifest.name() + " " + manifest.version() + " (" + origin + ")";
  }

  /** Reads a named file of the bundle; null when it does not exist. */
  private interface FileSource {
    byte[] read(String name) throws IOException;
  }

  private static ModelBundle load(FileSource source, String origin) throws BundleException {
    byte[] manifestBytes = readOrFail(source, MANIFEST, origin);
    BundleManifest manifest = ManifestJson.read(manifestBytes, origin);
    Map<String, byte[]> components = new LinkedHashMap<>();
    for (Map.Entry<String, ComponentEntry> e : manifest.components().entrySet()) {
      ComponentEntry entry = e.getValue();
      byte[] data = readOrFail(source, entry.file(), origin);
      String actual = Sha256.hex(data);
      if (!actual.equals(entry.sha256()) || data.length != entry.bytes()) {
        throw new BundleIntegrityException(
            entry.file(),
            "bundle " + origin + ": file '" + entry.file() + "' (component '" + e.getKey()
                + "') does not match its manifest: sha256 " + actual + " and " + data.length
                + " bytes, manifest says " + entry.sha256() + " and " + entry.bytes()
                + " bytes; the bundle was modified or damaged, restore or rebuild it");
      }
      components.put(e.getKey(), data);
    }
    return new ModelBundle(manifest, Sha256.hex(manifestBytes), Map.copyOf(components), origin);
  }

  private static byte[] readOrFail(FileSource source, String name, String origin)
      throws BundleException {
    byte[] data;
    try {
      data = source.read(name);
    } catch (IOException e) {
      throw new BundleException("bundle " + origin + ": cannot read '" + name + "': " + e.getMessage(), e);
    }
    if (data == null) {
      throw new BundleIntegrityException(name, "bundle " + origin + ": file '" + name + "' is missing");
    }
    return data;
  }

  private static byte[] readFile(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
