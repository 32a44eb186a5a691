package org.nightjar.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Alert files on disk: each {@code .avro} file is one Kafka message value (an Avro container or a
 * Confluent frame), as the sample and replay folders hold them.
 */
public final class AlertFiles {
  private AlertFiles() {}

  /** The {@code .avro} files under {@code folder}, recursively, sorted by relative path. */
  /**
   * The packets named on a command line: each path is a packet file (taken whatever its name) or
   * a folder listed as by {@link #list(Path)}; order kept.
   */
  public static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> out = new java.util.ArrayList<>();
    for (Path p : paths) {
      if (Files.isRegularFile(p)) {
        out.add(p);
      } else if (Files.isDirectory(p)) {
        out.addAll(list(p));
      } else {
        throw new IOException("no such file or folder: " + p);
      }
    }
    return out;
  }

  public static List<Path> list(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException("not a folder: " + folder);
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".avro"))
          .sorted((a, b) -> folder.relativize(a).toString().replace('\\', '/')
              .compareTo(folder.relativize(b).toString().replace('\\', '/')))
          .toList();
    }
  }

  /** The whole file: one message value. */
  public static byte[] read(Path file) throws IOException {
    return Files.readAllBytes(file);
  }
}
