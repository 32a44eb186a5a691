package org.nightjar.schemas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nightjar.schemas.AlertFiles;

/**
 * The curated sample of real alerts shipped in this module's test resources under {@code alerts/}
 * (see its README.md): every file there decodes. Works from a test-classes folder and from the
 * {@code schemas} test-jar (read through a zip file system). Thread-safe.
 *
 * <p>Folders: {@code ztf/} (ZTF containers with cutouts, schema 1.7 to 4.02, several writer-schema
 * families), {@code ztf-no-cutouts/} (cutouts null), {@code rubin/} (Fink-written Rubin 7.4 and
 * 9.0 containers), {@code rubin-confluent/} (Confluent frames, ids 701, 703, 900).
 */
public final class SampleAlerts {
  /** Classpath folder of the sample. */
  public static final String RESOURCE_FOLDER = "alerts";

  private static Path root;
  private static Map<String, Map<String, String>> index;

  private SampleAlerts() {}

  /**
   * The sample folder on the default file system. When the sample is read from inside the
   * test-jar (another module's tests), it is copied out once, so that its paths can be handed to
   * code that opens files by name (the command line, other processes).
   */
  public static synchronized Path folder() {
    if (root == null) {
      Path located = locate(RESOURCE_FOLDER + "/INDEX.csv").getParent();
      root = located.getFileSystem() == FileSystems.getDefault() ? located : copyOut(located);
    }
    return root;
  }

  private static Path copyOut(Path source) {
    try {
      Path target = Files.createTempDirectory("nightjar-sample-");
      try (Stream<Path> paths = Files.walk(source)) {
        for (Path p : (Iterable<Path>) paths::iterator) {
          Path dest = target.resolve(source.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(dest);
          } else {
            Files.copy(p, dest);
          }
          dest.toFile().deleteOnExit();
        }
      }
      target.toFile().deleteOnExit();
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the alert sample out of the test-jar", e);
    }
  }

  /** Every {@code .avro} message of the sample, sorted by relative path. */
  public static List<Path> all() {
    return list("");
  }

  public static List<Path> ztf() {
    return list("ztf");
  }

  public static List<Path> ztfWithoutCutouts() {
    return list("ztf-no-cutouts");
  }

  public static List<Path> rubin() {
    return list("rubin");
  }

  public static List<Path> rubinConfluent() {
    return list("rubin-confluent");
  }

  /** The file at {@code relative} (e.g. {@code "ztf/2481117360515010000.avro"}). */
  public static Path file(String relative) {
    Path p = folder().resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("no sample file " + relative);
    }
    return p;
  }

  /** The bytes of the sample message at {@code relative}: a fresh array on every call. */
  public static byte[] read(String relative) {
    try {
      return AlertFiles.read(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Path of {@code file} relative to the sample folder, with forward slashes. */
  public static String relative(Path file) {
    return folder().relativize(file).toString().replace('\\', '/');
  }

  /**
   * The rows of {@code alerts/INDEX.csv} by file (relative path): survey, alertId, objectId,
   * schemaVersion, band, eventTime, ra, dec, photometry, cutout shapes and non-finite counts,
   * source. Empty string = absent.
   */
  public static synchronized Map<String, Map<String, String>> index() {
    if (index == null) {
      try {
        List<String> lines = Files.readAllLines(folder().resolve("INDEX.csv"), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
          String[] cells = line.split(",", header.length);
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 0; i < header.length; i++) {
            row.put(header[i], i < cells.length ? cells[i] : "");
          }
          rows.put(cells[0], Collections.unmodifiableMap(row));
        }
        index = Collections.unmodifiableMap(rows);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return index;
  }

  private static List<Path> list(String sub) {
    try {
      Path dir = sub.isEmpty() ? folder() : folder().resolve(sub);
      return new ArrayList<>(AlertFiles.list(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path locate(String resource) {
    URL url = SampleAlerts.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("resource " + resource + " not on the classpath: add the schemas test-jar");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.provider().getPath(uri);
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open resource " + url, e);
    }
  }
}
