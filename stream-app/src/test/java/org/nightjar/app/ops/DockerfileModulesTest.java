package org.nightjar.app.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image build copies every module of the Maven reactor: without Docker here, nothing else
 * would notice a module added to the build but not to the image (its Maven build then fails).
 */
class DockerfileModulesTest {
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  @Test
  void theImageBuildCopiesEveryModuleAndItsPom() throws IOException {
    Path root = OpsFiles.ops().getParent();
    String dockerfile = Files.readString(root.resolve("docker/Dockerfile"));
    Matcher m = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    List<String> modules = m.results().map(r -> r.group(1).trim()).toList();
    assertFalse(modules.isEmpty(), "no <module> in the parent pom");
    for (String module : modules) {
      assertTrue(dockerfile.contains("COPY " + module + "/pom.xml " + module + "/"), module + "/pom.xml not copied first");
      assertTrue(dockerfile.contains("COPY " + module + " " + module + "\n"), module + " not copied into the build stage");
    }
    // The native library the launcher and the tests load in place is in the image too.
    assertTrue(dockerfile.contains("target/native/") && dockerfile.contains("LD_LIBRARY_PATH=/opt/nightjar/native"),
        "the image lacks the unpacked RocksDB library or its path");
  }
}
