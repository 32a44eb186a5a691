package org.nightjar.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.nightjar.models.evaluation.LatentEvaluation;
import org.nightjar.models.evaluation.LatentEvaluationFigures;
import picocli.CommandLine.Command;

/** Percentile calibration of held-out alerts and the ranks of injected anomalies. */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
    description = {"Score held-out alerts and damaged copies of them (streak, saturated columns, blank science,",
        "pure noise, swapped science/template): percentile calibration of the real ones (uniform is right)",
        "and where the injected ones rank. Figures: anomaly.png, anomaly.html."})
public final class EvaluateAnomalyCommand extends EvaluateLatentCommand {
  @Override
  boolean inject() {
    return true;
  }

  @Override
  void print(LatentEvaluation e, PrintStream out) {
    for (LatentEvaluation.Calibration c : e.calibration()) {
      out.printf("%s held-out percentiles: %d alerts, per decile %s (uniform: %.1f each), KS distance %.3f, above 99: %s, above 99.5: %s%n",
          c.survey(), c.alerts(), Arrays.toString(c.deciles()), c.alerts() / 10.0, c.ksDistance(), pct(c.above99()), pct(c.above995()));
    }
    e.realScoreP99().ifPresent(p -> out.printf("99th percentile of held-out real anomaly scores: %.4f%n", p));
    out.println("| injected | copies | median percentile | score > real p99 | reconstruction error > real p99 |");
    for (LatentEvaluation.Injection i : e.injections()) {
      out.printf("| %s | %d | %.1f | %s | %s |%n", i.kind(), i.copies(), i.medianPercentile(),
          pct(i.scoreAboveRealP99()), pct(i.reconstructionAboveRealP99()));
    }
  }

  @Override
  Path plot(LatentEvaluation e, Path folder) throws Exception {
    return LatentEvaluationFigures.anomaly(e, folder);
  }
}
