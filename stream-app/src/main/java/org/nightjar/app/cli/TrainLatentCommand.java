package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.nightjar.models.bundle.BundleManifest;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.training.LatentBundleSteps;
import org.nightjar.schemas.AlertFiles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs latent steps of the bundle chain alone on an existing bundle ({@code train index}, {@code train artifact}). */
abstract class TrainLatentCommand implements Callable<Integer> {
  @Mixin TrainLatentOptions options;

  @Option(names = "--base", paramLabel = "BUNDLE_DIR", description = "Bundle to start from (default: the bundle shipped with Nightjar).")
  Path base;

  abstract EnumSet<LatentBundleSteps.Step> steps();

  @Override
  public Integer call() throws Exception {
    ModelBundle bundle = base == null ? ModelBundle.defaultBundle() : ModelBundle.open(base);
    System.out.println(run(bundle, options, steps()));
    return 0;
  }

  /** Runs {@code steps} on {@code bundle} with a progress bar; returns the line to print. */
  static String run(ModelBundle bundle, TrainLatentOptions options, EnumSet<LatentBundleSteps.Step> steps) throws Exception {
    var files = AlertFiles.expand(options.alerts);
    BundleManifest m;
    try (Progress progress = new Progress("embedding alerts", files.size())) {
      m = LatentBundleSteps.run(bundle, files, steps, options.k, options.seed, options.descriptorWeight,
          options.bundleVersion != null ? options.bundleVersion : bundle.manifest().version(), options.out,
          progress::stepTo, System.err);
    }
    return "bundle " + m.name() + " " + m.version() + " written to " + options.out + " with components " + m.components().keySet();
  }
}
