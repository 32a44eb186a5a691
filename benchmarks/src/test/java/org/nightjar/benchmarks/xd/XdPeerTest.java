package org.nightjar.benchmarks.xd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class XdPeerTest {

  /** A stand-in peer: prints what it was asked and a result line, as the real driver does. */
  private static XdPeer shell(String script) {
    return new XdPeer("shell", List.of("sh", "-c", script, "peer"));
  }

  @Test
  void shouldPassTheDataUpdatesAndThreadsAndReadTheResultLine() throws Exception {
    XdPeer peer = shell("echo \"args: $*\"; [ \"$*\" = '--data /d --updates 20 --threads 2' ] && [ \"$OMP_NUM_THREADS\" = 2 ]"
        + " && echo 'xd_peer s_per_update=8.3 L=-15.6167'");
    assertEquals(new XdPeer.Result(8.3, OptionalDouble.of(-15.6167)), peer.run(Path.of("/d"), 20, 2));
  }

  @Test
  void shouldRefuseAPeerThatFailsOrPrintsNoResult() {
    assertThrows(IOException.class, () -> shell("echo nothing measured").run(Path.of("/d"), 20, 1));
    assertThrows(IOException.class, () -> shell("echo 'xd_peer s_per_update=1.0'; exit 3").run(Path.of("/d"), 20, 1));
  }

  @Test
  void shouldRefuseOptionsThatCannotBeTimed() {
    assertThrows(IllegalArgumentException.class, () -> new XdBenchmark.Options(Path.of("/d"), 1, List.of(1), 0, Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new XdBenchmark.Options(Path.of("/d"), 20, List.of(), 0, Optional.empty()));
  }
}
