package org.nightjar.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nightjar.app.Components;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.models.ScoringException;
import org.nightjar.models.anomaly.AnomalyScorer;
import org.nightjar.models.autoencoder.EmbeddingScorer;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.report.PacketFiles;
import org.nightjar.models.report.Report;
import org.nightjar.models.report.ReportContents;
import org.nightjar.models.report.ReportModels;
import org.nightjar.models.report.ReportScoring;
import org.nightjar.models.report.ReportSettings;
import org.nightjar.schemas.AlertFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Scores alert files with the configured stages, as the stream would, and writes an offline HTML
 * page with a UMAP map of the search space, galleries of the most and least anomalous alerts
 * beside their nearest references, a gallery per cluster and score distributions.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Score alert packets with the bundle and write an offline HTML report (index.html + PNGs):",
        "latent map, most/least anomalous alerts with their nearest references, clusters, distributions."})
public final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Option(names = "--alerts", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Alert packet files or folders of them.")
  List<Path> alerts;

  @Option(names = "--bundle", paramLabel = "BUNDLE_DIR",
      description = "Model bundle (default: bundle.path of the configuration, else the bundle shipped with Nightjar).")
  Path bundle;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for index.html and its images.")
  Path out;

  @Option(names = "--neighbour-alerts", arity = "1..*", paramLabel = "PATH",
      description = {"Further packet files or folders in which to look for the nearest references' stamps",
          "(default: the alert sample bundled with Nightjar, when found)."})
  List<Path> neighbourAlerts;

  @Option(names = "--injected", paramLabel = "N", defaultValue = "100",
      description = "Damage copies of the first N alerts with stamps, for the score distributions (default: ${DEFAULT-VALUE}).")
  int injected;

  @Option(names = "--map-points", paramLabel = "N", defaultValue = "3000",
      description = "Points of the UMAP map at most, references and alerts together (default: ${DEFAULT-VALUE}).")
  int mapPoints;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the map (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException, ScoringException, BundleException {
    long start = System.nanoTime();
    Map<String, String> extra = new LinkedHashMap<>();
    if (bundle != null) {
      extra.put("bundle.path", bundle.toString());
    }
    AppConfig config = configOptions.load(extra);
    if (!config.scorers().contains(EmbeddingScorer.STAGE) || !config.scorers().contains(AnomalyScorer.STAGE)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "the report needs the '" + EmbeddingScorer.STAGE
          + "' and '" + AnomalyScorer.STAGE + "' stages; scorers is " + config.scorers());
    }
    List<Path> files = AlertFiles.expand(alerts);
    ReportSettings settings = new ReportSettings(16, 8, mapPoints, seed);
    try (Components components = Components.from(config)) {
      ReportScoring scoring = new ReportScoring(components.pipeline(ScoringMetrics.inMemory()), components.codec(),
          config.batchMaxSize(), injected);
      ReportScoring.Result scored;
      try (Progress progress = new Progress("scoring alerts", files.size())) {
        scored = scoring.score(files, progress::stepTo);
      }
      PacketFiles packets = PacketFiles.of(scored.alerts(), neighbourFiles(), components.codec());
      ReportModels models = ReportModels.of(components.modelBundle().orElseThrow(),
          components.embedding().orElseThrow().preprocessor());
      ReportContents contents = Report.write(models, scored, packets, components.codec(), settings, out);
      System.out.printf(Locale.ROOT, "report %s: %d files, %d alerts scored, %d not scored, %d without an anomaly section, "
              + "%d damaged copies; %.1f s%n", out.resolve(Report.PAGE), files.size(), scored.alerts().size(),
          scored.skipped().size(), scored.withoutAnomaly().size(), scored.injected().size(),
          (System.nanoTime() - start) / 1e9);
      System.out.printf(Locale.ROOT, "most anomalous: %s%n", contents.mostAnomalous().rows().stream()
          .limit(3).map(r -> String.format(Locale.ROOT, "%s (percentile %.2f)", r.alert().objectId(), r.alert().percentile().orElseThrow()))
          .toList());
    }
    return 0;
  }

  /** The packets to look for neighbours' stamps in: the option's, else the bundled sample if there is one. */
  private List<Path> neighbourFiles() throws IOException {
    if (neighbourAlerts != null) {
      return AlertFiles.expand(neighbourAlerts);
    }
    String home = System.getProperty(SampleAlerts.HOME_PROPERTY);
    Path sample = home == null ? null : Path.of(home).resolve(SampleAlerts.RELATIVE);
    return sample != null && Files.isDirectory(sample) ? AlertFiles.expand(List.of(sample)) : new ArrayList<>();
  }
}
