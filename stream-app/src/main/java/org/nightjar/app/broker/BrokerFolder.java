package org.nightjar.app.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary folder of one embedded broker, locked for as long as the broker lives. A broker
 * killed before it could clean up (SIGKILL, a power cut, an out-of-memory kill) leaves gigabytes
 * of log segments behind; the lock lets the next broker started on the machine recognise such a
 * folder as abandoned and remove it, without touching the folder of a broker still running.
 */
final class BrokerFolder implements AutoCloseable {
  static final String PREFIX = "nightjar-kafka-";
  static final String LOCK_FILE = ".nightjar-broker.lock";
  /** A lock file younger than this may belong to a broker that has not locked it yet. */
  static final Duration GRACE = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(BrokerFolder.class);

  private final Path path;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private BrokerFolder(Path path, FileChannel lockChannel, FileLock lock) {
    this.path = path;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Removes the abandoned folders under {@code parent}, then creates and locks a new one there. */
  static BrokerFolder claim(Path parent) throws IOException {
    sweepAbandoned(parent, Instant.now());
    Path dir = Files.createTempDirectory(parent, PREFIX);
    FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return new BrokerFolder(dir, channel, channel.lock());
  }

  /** As {@link #claim(Path)}, in the system's temporary folder. */
  static BrokerFolder claim() throws IOException {
    return claim(Path.of(System.getProperty("java.io.tmpdir")));
  }

  Path path() {
    return path;
  }

  /** Releases the lock and deletes the folder. */
  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.debug("cannot release the lock of {}: {}", path, e.getMessage());
    }
    TemporaryFolders.deleteRecursively(path);
  }

  /**
   * Deletes each broker folder under {@code parent} whose lock file is older than {@link #GRACE}
   * and held by no process; returns how many it deleted. Folders without a lock file are left
   * alone: nothing says whose they are.
   */
  static int sweepAbandoned(Path parent, Instant now) {
    int swept = 0;
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path folder : folders) {
        if (isAbandoned(folder, now)) {
          LOG.info("removing {}, left behind by a broker that was killed", folder);
          TemporaryFolders.deleteRecursively(folder);
          swept++;
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot list {}: {}", parent, e.getMessage());
    }
    return swept;
  }

  private static boolean isAbandoned(Path folder, Instant now) {
    Path lockFile = folder.resolve(LOCK_FILE);
    try {
      if (!Files.isRegularFile(lockFile)
          || Files.getLastModifiedTime(lockFile).toInstant().isAfter(now.minus(GRACE))) {
        return false;
      }
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
           FileLock probe = channel.tryLock()) {
        return probe != null;
      }
    } catch (OverlappingFileLockException e) {
      return false; // locked by a broker of this very process
    } catch (IOException e) {
      return false;
    }
  }
}
