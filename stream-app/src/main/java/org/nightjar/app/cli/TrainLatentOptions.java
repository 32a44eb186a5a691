package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that build a bundle's latent components. */
final class TrainLatentOptions {
  @Option(names = "--alerts", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Alert packet files or folders (any survey; each survey gets its own references).")
  List<Path> alerts;

  @Option(names = "--out", required = true, paramLabel = "BUNDLE_DIR", description = "Folder the bundle is written to.")
  Path out;

  @Option(names = "--k", defaultValue = "5", description = "Neighbours of the anomaly score (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the clustering (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--descriptor-weight", defaultValue = "4.0",
      description = "Weight of the standardised stamp descriptors beside the latent vector in the search space; 0 = latent vector alone (default: ${DEFAULT-VALUE}).")
  double descriptorWeight;

  @Option(names = "--bundle-version", paramLabel = "VERSION", description = "Version of the written bundle (default: the base bundle's).")
  String bundleVersion;
}
