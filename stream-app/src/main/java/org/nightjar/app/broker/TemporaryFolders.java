package org.nightjar.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removal of the temporary folders that local runs (broker, cold start) leave. */
public final class TemporaryFolders {
  private static final Logger LOG = LoggerFactory.getLogger(TemporaryFolders.class);

  private TemporaryFolders() {}

  /** Deletes {@code dir} and everything in it, as far as it can; failures are logged at debug level. */
  public static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(TemporaryFolders::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("cannot delete {}: {}", dir, e.getMessage());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.debug("cannot delete {}: {}", path, e.getMessage());
    }
  }
}
