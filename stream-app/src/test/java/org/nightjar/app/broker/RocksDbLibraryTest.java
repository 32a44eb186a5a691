package org.nightjar.app.broker;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDB;

/**
 * The build unpacks RocksDB's native library and puts it on the library path (as the launcher and
 * the image do), so that Kafka Streams' stores load it in place: otherwise every JVM copies 15 MB
 * into the temporary folder, and every killed one leaves the copy there.
 */
class RocksDbLibraryTest {

  @Test
  void theUnpackedLibraryIsOnTheLibraryPathAndLoads() {
    assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
        "the build unpacks the Linux x86-64 and aarch64 libraries only");
    String file = System.mapLibraryName("rocksdbjni-linux64");
    String path = System.getProperty("java.library.path");
    assertTrue(Arrays.stream(path.split(File.pathSeparator)).anyMatch(dir -> Files.isRegularFile(Path.of(dir, file))),
        file + " on none of " + path);
    RocksDB.loadLibrary();
  }
}
