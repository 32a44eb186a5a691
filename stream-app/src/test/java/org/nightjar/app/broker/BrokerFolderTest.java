package org.nightjar.app.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerFolderTest {
  @TempDir Path parent;

  @Test
  void shouldDeleteItsFolderOnClose() throws IOException {
    BrokerFolder folder = BrokerFolder.claim(parent);
    Files.writeString(folder.path().resolve("segment.log"), "x");

    folder.close();

    assertFalse(Files.exists(folder.path()));
  }

  @Test
  void shouldNeverSweepTheFolderOfALiveBroker() throws IOException {
    try (BrokerFolder live = BrokerFolder.claim(parent)) {
      age(live.path());

      assertEquals(0, BrokerFolder.sweepAbandoned(parent, Instant.now()));
      assertTrue(Files.exists(live.path()));
    }
  }

  @Test
  void shouldSweepAFolderWhoseLockNobodyHolds() throws IOException {
    Path abandoned = leftBehind("nightjar-kafka-1");
    age(abandoned);

    try (BrokerFolder fresh = BrokerFolder.claim(parent)) {
      assertFalse(Files.exists(abandoned));
      assertTrue(Files.exists(fresh.path()));
    }
  }

  @Test
  void shouldKeepFoldersItCannotVouchFor() throws IOException {
    Path young = leftBehind("nightjar-kafka-young");
    Path unlocked = Files.createDirectory(parent.resolve("nightjar-kafka-nolock"));
    Path other = Files.createDirectory(parent.resolve("other-folder"));
    Files.writeString(other.resolve(BrokerFolder.LOCK_FILE), "");
    age(other);

    assertEquals(0, BrokerFolder.sweepAbandoned(parent, Instant.now()));
    assertTrue(Files.exists(young));
    assertTrue(Files.exists(unlocked));
    assertTrue(Files.exists(other));
  }

  private Path leftBehind(String name) throws IOException {
    Path dir = Files.createDirectories(parent.resolve(name).resolve("broker_0_data0"));
    Files.writeString(dir.resolve("00000000000000000000.log"), "segment");
    Files.writeString(parent.resolve(name).resolve(BrokerFolder.LOCK_FILE), "");
    return parent.resolve(name);
  }

  private static void age(Path folder) throws IOException {
    Instant past = Instant.now().minus(BrokerFolder.GRACE).minus(Duration.ofMinutes(1));
    Files.setLastModifiedTime(folder.resolve(BrokerFolder.LOCK_FILE), FileTime.from(past));
  }
}
