package org.nightjar.app.cli;

import java.util.EnumSet;
import org.nightjar.models.training.LatentBundleSteps;
import picocli.CommandLine.Command;

/** Builds the clusters and the artifact regression of a bundle that has a reference set. */
@Command(name = "artifact", mixinStandardHelpOptions = true,
    description = {"Cluster the bundle's reference embeddings (k-means++, K in 3..8 by silhouette) and fit the",
        "artifact probability on the training alerts against the survey's real/bogus score (ZTF drb < 0.5)."})
public final class TrainArtifactCommand extends TrainLatentCommand {
  @Override
  EnumSet<LatentBundleSteps.Step> steps() {
    return EnumSet.of(LatentBundleSteps.Step.ARTIFACT);
  }
}
