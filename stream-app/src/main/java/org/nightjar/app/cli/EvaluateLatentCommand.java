package org.nightjar.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.evaluation.HeldOutScoring;
import org.nightjar.models.evaluation.LatentEvaluation;
import org.nightjar.schemas.AlertFiles;
import picocli.CommandLine.Option;

/** Scores the held-out alerts among some files with a bundle, then prints and plots one side of it. */
abstract class EvaluateLatentCommand implements Callable<Integer> {
  @Option(names = "--alerts", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Alert packet files or folders; only the alerts the bundle held out from training are used.")
  List<Path> alerts;

  @Option(names = "--bundle", paramLabel = "BUNDLE_DIR", description = "Bundle to evaluate (default: the bundle shipped with Nightjar).")
  Path bundle;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for the PNG and HTML figures (default: none).")
  Path out;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  abstract boolean inject();

  abstract void print(LatentEvaluation evaluation, PrintStream out);

  abstract Path plot(LatentEvaluation evaluation, Path folder) throws Exception;

  @Override
  public Integer call() throws Exception {
    ModelBundle b = bundle == null ? ModelBundle.defaultBundle() : ModelBundle.open(bundle);
    var files = AlertFiles.expand(alerts);
    HeldOutScoring.Result result;
    try (Progress progress = new Progress("scoring held-out alerts", files.size())) {
      result = HeldOutScoring.score(b, files, inject(), progress::stepTo);
    }
    PrintStream stdout = System.out;
    stdout.printf("bundle %s: %d files, %d training alerts skipped, %d undecodable, %d held-out alerts scored, %d injected copies%n",
        b, result.files(), result.trainingAlertsSkipped(), result.undecodable(), result.real().size(), result.injected().size());
    LatentEvaluation evaluation = new LatentEvaluation(result, seed);
    print(evaluation, stdout);
    if (out != null) {
      stdout.println("figure: " + plot(evaluation, out));
    }
    return 0;
  }

  static String pct(double share) {
    return String.format("%.1f%%", 100 * share);
  }
}
