package org.nightjar.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Where the alert sample bundled with Nightjar lives in an installation. */
final class SampleAlerts {
  /** Set by the launcher script to the installation (repository) root. */
  static final String HOME_PROPERTY = "nightjar.home";
  static final String RELATIVE = "schemas/src/test/resources/alerts";

  private SampleAlerts() {}

  static Path resolve(Path explicit, CommandLine cmd) {
    if (explicit != null) {
      if (!Files.isDirectory(explicit)) {
        throw new CommandLine.ParameterException(cmd, "--alerts: not a directory: " + explicit);
      }
      return explicit;
    }
    String home = System.getProperty(HOME_PROPERTY);
    Path dir = home == null ? null : Path.of(home).resolve(RELATIVE);
    if (dir == null || !Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(cmd,
          "the bundled alert sample was not found (run through the ./nightjar launcher, or pass --alerts DIR)");
    }
    return dir;
  }
}
