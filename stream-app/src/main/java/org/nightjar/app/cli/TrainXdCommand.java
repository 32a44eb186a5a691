package org.nightjar.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nightjar.models.stargal.AlteredAlerts;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.bundle.ModelBundleWriter;
import org.nightjar.models.stargal.HoldoutSplit;
import org.nightjar.models.stargal.MorphologyFeature;
import org.nightjar.models.stargal.StarGalaxyFeatureSet;
import org.nightjar.models.stargal.StarGalaxyModelJson;
import org.nightjar.models.stargal.StarGalaxySamples;
import org.nightjar.models.stargal.StarGalaxyTrainer;
import org.nightjar.models.stargal.StarGalaxySamples.Entry;
import org.nightjar.models.stargal.ExtendednessLabel;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.Survey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Fits the XD star/galaxy prior of one survey on the alerts of that survey in the given folders.
 * Objects chosen by the hold-out rule are never used; the rest are split by object into fitting and
 * validation parts; each requested K is fitted with early stopping on the validation likelihood,
 * and the K with the best validation likelihood is stored as the survey's component of a model
 * bundle ({@code stargal}, {@code xd-prior.json} for ZTF; {@code stargal-rubin},
 * {@code xd-prior-rubin.json} for Rubin). The other surveys' components of the base bundle are kept
 * as they are. The manifest records the ids of the alerts that trained the prior and its inputs.
 */
@Command(name = "xd", mixinStandardHelpOptions = true,
    description = {"Fit one survey's XD star/galaxy prior on alert packets and store it in a bundle.",
        "Held-out objects (see --holdout-modulus) are never read into the fit; evaluate on them with 'evaluate xd'."})
public final class TrainXdCommand implements Callable<Integer> {

  @Option(names = "--alerts", required = true, arity = "1..*", paramLabel = "DIR",
      description = "Folders of alert packets (.avro); alerts of other surveys than --survey are skipped.")
  List<Path> alerts;

  @Option(names = "--survey", defaultValue = "ZTF", paramLabel = "SURVEY",
      description = "Survey whose prior is fitted: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Survey survey;

  @Option(names = "--out", required = true, paramLabel = "BUNDLE_DIR",
      description = "Output bundle folder: the base bundle with the star/galaxy component (xd-prior.json) added or replaced.")
  Path out;

  @Option(names = "--base", paramLabel = "BUNDLE_DIR", description = "Bundle to start from (default: the bundle shipped with Nightjar).")
  Path base;

  @Option(names = "--bundle-version", paramLabel = "VERSION", description = "Version of the written bundle (default: the base bundle's).")
  String bundleVersion;

  @Option(names = "--components", split = ",", defaultValue = "4,8,16", paramLabel = "K",
      description = "Mixture sizes to fit; the best validation likelihood wins (default: ${DEFAULT-VALUE}).")
  List<Integer> components;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the validation split and initialisation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--features", split = ",", paramLabel = "NAME",
      description = {"Features, primary first (default: ZTF template_concentration,sharpnr,ln_chinr; Rubin "
          + "ln_trace_ratio); also: magpsf_minus_magap (ZTF), difference_concentration, science_concentration and template_concentration (Rubin).",
          "Rubin's extendedness is never an input: it is what the Rubin prior is validated against."})
  List<String> features;

  @Option(names = "--exclude", paramLabel = "FILE",
      description = "CSV (candid column) or list of alert ids to leave out, e.g. alerts with overwritten PS1 fields.")
  Path exclude;

  @Option(names = "--star-threshold", defaultValue = "0.9", description = "P(star) for the STAR tag; GALAXY at 1 - it (default: ${DEFAULT-VALUE}).")
  double starThreshold;

  @Option(names = "--holdout-modulus", defaultValue = "5", description = "Hold out one object in this many (default: ${DEFAULT-VALUE}).")
  int holdoutModulus;

  @Option(names = "--max-updates", defaultValue = "500", description = "EM update limit (default: ${DEFAULT-VALUE}).")
  int maxUpdates;

  @Option(names = "--patience", defaultValue = "20", description = "Updates without validation gain before stopping (default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(names = "--star-init-scale", paramLabel = "S",
      description = "Star components start at S x the feature variance (default: 1 for ZTF, 0.1 for Rubin).")
  Double starInitScale;

  @Option(names = "--threads", defaultValue = "2", description = "E-step threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws IOException, BundleException {
    PrintStream log = System.err;
    StarGalaxyFeatureSet raw = rawFeatures();
    AlteredAlerts altered = exclude == null ? AlteredAlerts.placeholdersOnly() : AlteredAlerts.fromFile(exclude);
    HoldoutSplit holdout = new HoldoutSplit(holdoutModulus, 0);
    StarGalaxySamples samples;
    int fileCount = 0;
    for (Path folder : alerts) {
      fileCount += AlertFiles.list(folder).size();
    }
    try (Progress progress = new Progress("reading alerts", fileCount)) {
      samples = StarGalaxySamples.load(alerts, survey, raw, altered, holdout, (done, total) -> progress.stepTo(done));
    }
    List<StarGalaxyTrainer.Sample> training = samples.trainingSamples();
    List<Long> heldOutIds = samples.heldOut().stream().map(Entry::alertId).toList();
    log.printf("files %d, other surveys %d, undecodable %d, altered (excluded) %d, features not measurable %d, "
        + "usable %s alerts %d: training %d alerts, held out %d alerts (%s)%n", samples.files(), samples.otherSurveys(),
        samples.undecodable(), samples.altered(), samples.unmeasurable(), survey, samples.entries().size(),
        training.size(), heldOutIds.size(), holdout.rule());
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("alerts_folder", String.join(", ", alerts.stream()
        .map(a -> a.getFileName() == null ? a.toString() : a.getFileName().toString()).toList()));
    provenance.put("alert_files", Integer.toString(samples.files()));
    provenance.put("excluded_altered", Integer.toString(samples.altered()));
    provenance.put("unmeasurable", Integer.toString(samples.unmeasurable()));
    provenance.put("training_alerts", Integer.toString(training.size()));
    provenance.put("trained_at", Instant.now().toString());
    provenance.put("components_tried", components.toString());
    provenance.put("selection", "K with the best validation log-likelihood");
    StarGalaxyTrainer.Fitted best = null;
    List<String> summary = new ArrayList<>();
    for (int k : components) {
      double scale = starInitScale != null ? starInitScale : survey == Survey.RUBIN ? 0.1 : 1.0;
      StarGalaxyTrainer trainer = new StarGalaxyTrainer(k, seed, 0.2, 1e-4, maxUpdates, patience, starThreshold, threads,
          scale);
      log.printf("K=%d: %s%n", k, "| update |  train L  |  valid L  | best |");
      StarGalaxyTrainer.Fitted fitted = trainer.train(survey, raw, training, holdout, heldOutIds, provenance,
          (u, trainL, validL, improved) -> {
            if (u % 10 == 0 || u == 1) {
              log.printf("K=%d: | %6d | %9.5f | %9.5f | %4s |%n", k, u, trainL, validL, improved ? "*" : "");
            }
          });
      String line = String.format("K=%d: point-source values %s, %d fitting / %d "
          + "validation alerts, best validation L %.5f after %d of %d updates", k, pointSources(fitted),
          fitted.fitAlerts(), fitted.validationAlerts(), fitted.fit().bestValidationLogLikelihood(),
          fitted.fit().bestUpdates(), fitted.fit().updatesRun());
      log.println(line);
      summary.add(line);
      if (best == null || fitted.fit().bestValidationLogLikelihood() > best.fit().bestValidationLogLikelihood()) {
        best = fitted;
      }
    }
    ModelBundle baseBundle = base == null ? ModelBundle.defaultBundle() : ModelBundle.open(base);
    ModelBundleWriter writer = ModelBundleWriter.from(baseBundle, bundleVersion != null ? bundleVersion : baseBundle.manifest().version());
    StarGalaxyModelJson.addTo(best.model(), writer);
    Map<String, Object> facts = new LinkedHashMap<>(provenance);
    facts.put("chosen_components", best.model().prior().mixture().components());
    facts.put("held_out_rule", holdout.rule());
    if (survey != Survey.ZTF) {
      facts.put("survey", survey.name());
      facts.put("inputs", raw.features().stream().map(MorphologyFeature::featureName).toList());
      facts.put("not_an_input", "extendedness (the validation label: " + ExtendednessLabel.half().rule() + ")");
      facts.put("training_alert_ids", samples.trainingAlertIds());
      facts.put("held_out_alert_ids", heldOutIds);
    }
    writer.trainingData(StarGalaxyModelJson.component(survey), facts);
    writer.write(out);
    PrintStream stdout = System.out;
    summary.forEach(stdout::println);
    stdout.printf("chosen K=%d (best validation likelihood); %s prior stored as '%s' of bundle %s written to %s%n",
        best.model().prior().mixture().components(), survey, StarGalaxyModelJson.component(survey),
        baseBundle.manifest().name(), out);
    return 0;
  }

  private StarGalaxyFeatureSet rawFeatures() {
    if (features == null || features.isEmpty()) {
      return survey == Survey.RUBIN ? StarGalaxyFeatureSet.rubinDefault() : StarGalaxyFeatureSet.ztfDefault();
    }
    if (features.contains("extendedness")) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "extendedness cannot be a feature: it is the label the Rubin prior is validated against");
    }
    List<MorphologyFeature> chosen = features.stream().map(MorphologyFeature::byName).toList();
    return survey == Survey.RUBIN ? StarGalaxyFeatureSet.rubin(chosen) : StarGalaxyFeatureSet.of(chosen);
  }

  private static String pointSources(StarGalaxyTrainer.Fitted fitted) {
    StarGalaxyFeatureSet f = fitted.model().features();
    List<String> parts = new ArrayList<>();
    for (int a : f.pinnedDimensions()) {
      MorphologyFeature m = f.features().get(a);
      parts.add(String.format("%s %.4f", m.featureName(), f.settings().pointSourceValue(m)));
    }
    return String.join(", ", parts);
  }
}
