package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nightjar.models.anomaly.ReferenceSet;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.evaluation.DescriptorWeightValidation;
import org.nightjar.models.evaluation.InjectedAnomaly;
import org.nightjar.schemas.AlertFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The descriptor weight of the search space, judged on the bundle's training alerts only. */
@Command(name = "descriptor-weight", mixinStandardHelpOptions = true,
    description = {"Judge the weight of the stamp descriptors in the anomaly search space on the bundle's training",
        "alerts only (folds by object; each fold against the others, with injected copies of its alerts): the",
        "share of injected copies above the fold's real 99th percentile per weight, and the smallest weight",
        "within one point of the best. Held-out alerts are never read."})
public final class EvaluateDescriptorWeightCommand implements Callable<Integer> {
  @Option(names = "--alerts", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Alert packet files or folders; only the alerts the bundle trained on are used.")
  List<Path> alerts;

  @Option(names = "--bundle", paramLabel = "BUNDLE_DIR", description = "Bundle whose autoencoder embeds the alerts (default: the shipped one).")
  Path bundle;

  @Option(names = "--weights", split = ",", defaultValue = "0,1,2,3,4,5,6,8",
      description = "Weights to try (default: ${DEFAULT-VALUE}).")
  double[] weights;

  @Option(names = "--folds", defaultValue = "5", description = "Folds by object (default: ${DEFAULT-VALUE}).")
  int folds;

  @Override
  public Integer call() throws Exception {
    ModelBundle b = bundle == null ? ModelBundle.defaultBundle() : ModelBundle.open(bundle);
    var files = AlertFiles.expand(alerts);
    List<DescriptorWeightValidation.SurveyResult> results;
    try (Progress progress = new Progress("embedding training alerts and injected copies", files.size())) {
      results = DescriptorWeightValidation.run(b, files, weights, folds, progress::stepTo);
    }
    for (DescriptorWeightValidation.SurveyResult r : results) {
      if (r.rows().isEmpty()) {
        System.out.printf("%s: %d training alerts, too few for %d folds; not judged%n", r.survey(), r.realAlerts(), folds);
        continue;
      }
      System.out.printf("%s: %d training alerts, %d injected copies; share above the fold's real p99%n", r.survey(),
          r.realAlerts(), r.rows().get(0).copies());
      StringBuilder header = new StringBuilder(String.format("%8s %7s", "weight", "all"));
      for (InjectedAnomaly kind : InjectedAnomaly.values()) {
        header.append(String.format(" %18s", kind.name().toLowerCase(java.util.Locale.ROOT)));
      }
      System.out.println(header);
      for (DescriptorWeightValidation.Row row : r.rows()) {
        StringBuilder line = new StringBuilder(String.format("%8.1f %7s", row.weight(), EvaluateLatentCommand.pct(row.aboveP99())));
        for (InjectedAnomaly kind : InjectedAnomaly.values()) {
          line.append(String.format(" %18s", EvaluateLatentCommand.pct(row.aboveP99ByKind().getOrDefault(kind, 0.0))));
        }
        System.out.println(line);
      }
      System.out.printf("%s: chosen weight %.1f (the smallest within %.0f point of the best)%s%n", r.survey(),
          r.chosenWeight(), 100 * DescriptorWeightValidation.PLATEAU, b.hasComponent(ReferenceSet.COMPONENT)
              ? String.format("; the bundle's reference set uses %.1f", ReferenceSet.load(b).space().weight()) : "");
    }
    return 0;
  }
}
