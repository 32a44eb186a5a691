package org.nightjar.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.nightjar.models.evaluation.LatentEvaluation;
import org.nightjar.models.evaluation.LatentEvaluationFigures;
import picocli.CommandLine.Command;

/** Artifact ROC AUC against the survey's real/bogus score on held-out alerts. */
@Command(name = "artifact", mixinStandardHelpOptions = true,
    description = {"Score held-out alerts: ROC AUC of the artifact probability against the survey's real/bogus",
        "score (ZTF drb < 0.5), with a 95%% bootstrap interval, beside the reconstruction error alone.",
        "Figures: artifact.png, artifact.html."})
public final class EvaluateArtifactCommand extends EvaluateLatentCommand {
  @Override
  boolean inject() {
    return false;
  }

  @Override
  void print(LatentEvaluation e, PrintStream out) {
    for (LatentEvaluation.ArtifactAuc a : e.artifactAucs()) {
      out.printf("%s artifact ROC AUC %.3f (95%% bootstrap %.3f-%.3f) on %d held-out alerts with a label, %d artifacts;"
          + " reconstruction error alone %.3f%n", a.survey(), a.auc(), a.low(), a.high(), a.alerts(), a.artifacts(),
          a.reconstructionErrorAuc());
    }
  }

  @Override
  Path plot(LatentEvaluation e, Path folder) throws Exception {
    return LatentEvaluationFigures.artifact(e, folder);
  }
}
