package org.nightjar.app.cli;

import java.util.EnumSet;
import org.nightjar.models.training.LatentBundleSteps;
import picocli.CommandLine.Command;

/** Builds the reference set and the anomaly calibration of a bundle. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Embed alerts with the bundle's autoencoder and store the latent reference set (per survey)",
        "and its leave-one-object-out anomaly calibration. Held-out objects are never referenced."})
public final class TrainIndexCommand extends TrainLatentCommand {
  @Override
  EnumSet<LatentBundleSteps.Step> steps() {
    return EnumSet.of(LatentBundleSteps.Step.INDEX);
  }
}
