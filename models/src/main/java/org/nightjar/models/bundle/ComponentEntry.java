package org.nightjar.models.bundle;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One component file as the manifest records it.
 *
 * <p>Immutable; thread-safe.
 *
 * @param file file name inside the bundle directory (no folders)
 * @param sha256 lower-case hex SHA-256 of the file
 * @param bytes file size
 */
public record ComponentEntry(String file, String sha256, long bytes) {

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public ComponentEntry {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    if (!FILE_NAME.matcher(file).matches() || file.equals(BundleManifest.FILE_NAME)) {
      throw new IllegalArgumentException("component file name not allowed: '" + file + "'");
    }
    if (!HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 of " + file + " is not 64 lower-case hex digits");
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("size of " + file + " is negative");
    }
  }
}
