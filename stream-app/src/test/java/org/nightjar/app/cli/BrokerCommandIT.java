package org.nightjar.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nightjar broker} in a JVM of its own: a clean stop leaves no data behind, and the data of
 * a broker that was killed is removed by the next broker started on the machine.
 */
class BrokerCommandIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path tmp;

  @Test
  void aStoppedBrokerLeavesNoDataBehind() throws Exception {
    Process broker = startBroker("first");
    assertEquals(1, brokerFolders().size());

    broker.destroy(); // SIGTERM, as Ctrl-C or `kill`
    assertTrue(broker.waitFor(60, TimeUnit.SECONDS), "the broker did not stop");

    assertEquals(List.of(), brokerFolders());
  }

  @Test
  void theNextBrokerRemovesTheDataOfAKilledOne() throws Exception {
    Process killed = startBroker("killed");
    killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    List<Path> left = brokerFolders();
    assertEquals(1, left.size(), "SIGKILL leaves the folder behind");
    Files.setLastModifiedTime(left.get(0).resolve(".nightjar-broker.lock"),
        FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));

    Process next = startBroker("next");
    try {
      List<Path> now = brokerFolders();
      assertEquals(1, now.size());
      assertTrue(!now.contains(left.get(0)), "the killed broker's folder is still there: " + now);
    } finally {
      next.destroy();
      next.waitFor(60, TimeUnit.SECONDS);
    }
  }

  private Process startBroker(String name) throws IOException, InterruptedException {
    Path bootstrap = tmp.resolve(name + ".bootstrap");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-cp",
        System.getProperty("java.class.path"), "org.nightjar.app.Main", "broker", "--partitions", "1", "--bootstrap-file",
        bootstrap.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Files.exists(bootstrap)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError("the broker did not start: " + Files.readString(tmp.resolve(name + ".log")));
      }
      Thread.sleep(200);
    }
    return process;
  }

  private List<Path> brokerFolders() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.filter(p -> p.getFileName().toString().startsWith("nightjar-kafka-")).toList();
    }
  }
}
