package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.nightjar.models.autoencoder.AutoencoderTrainingJob;
import org.nightjar.models.autoencoder.ProgressTrainingListener;
import org.nightjar.models.autoencoder.TrainingOptions;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.preprocess.PreprocessingConfig;
import org.nightjar.models.stargal.HoldoutSplit;
import org.nightjar.models.training.LatentBundleSteps;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.Survey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole training chain into one bundle: autoencoder, embeddings, reference set, clusters,
 * artifact regression, anomaly calibration, XD prior. One hold-out rule (one object in five by a
 * hash of its id) keeps the same objects out of every component.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
    description = {"Train a complete bundle: autoencoder -> embeddings -> reference index -> clusters ->",
        "artifact calibration -> anomaly calibration -> XD star/galaxy priors (ZTF, Rubin). Held-out objects (one in five",
        "by a hash of objectId) are never trained on; their alert ids are in the manifest."})
public final class TrainBundleCommand implements Callable<Integer> {
  @Mixin TrainLatentOptions options;

  @Option(names = "--epochs", defaultValue = "200", description = "Most autoencoder epochs; early stopping usually ends sooner (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--autoencoder-surveys", split = ",", defaultValue = "ZTF,RUBIN",
      description = {"Surveys whose alerts train the autoencoder; it embeds only these surveys' alerts (default: ${DEFAULT-VALUE})."})
  EnumSet<Survey> autoencoderSurveys;

  @Option(names = "--bundle-name", defaultValue = "nightjar-default", description = "Name written in the manifest (default: ${DEFAULT-VALUE}).")
  String bundleName;

  @Option(names = "--xd-alerts", paramLabel = "DIR", description = "Folder of ZTF alerts for the XD prior (default: the first --alerts folder).")
  Path xdAlerts;

  @Option(names = "--exclude", paramLabel = "FILE", description = "Alert ids to leave out of the XD prior (e.g. ALTERED_FIELDS.csv), as in 'train xd'.")
  Path exclude;

  @Override
  public Integer call() throws Exception {
    String version = options.bundleVersion != null ? options.bundleVersion : "0.4.0";
    var files = AlertFiles.expand(options.alerts);
    System.err.println("step 1/4: autoencoder on the " + autoencoderSurveys + " alerts of " + folderNames(options.alerts));
    TrainingOptions training = TrainingOptions.defaults().withMaxEpochs(epochs).withSeed(options.seed);
    ProgressTrainingListener listener = System.console() != null
        ? ProgressTrainingListener.forConsole() : ProgressTrainingListener.logLines();
    AutoencoderTrainingJob.Summary s = new AutoencoderTrainingJob(training, PreprocessingConfig.defaults(), bundleName, version)
        .withHoldout(HoldoutSplit.oneInFive()).withSurveys(autoencoderSurveys)
        .run(files, folderNames(options.alerts), options.out, listener);
    System.err.printf("autoencoder: train %d / validation %d / held out %d alerts, best epoch %d, validation masked MSE %.5f%n",
        s.train(), s.validation(), s.heldOut(), s.bestEpoch(), s.bestValidationLoss());

    System.err.println("step 2/4: embeddings, reference index, clusters, artifact and anomaly calibration");
    TrainLatentOptions latent = new TrainLatentOptions();
    latent.alerts = options.alerts;
    latent.out = options.out;
    latent.k = options.k;
    latent.seed = options.seed;
    latent.descriptorWeight = options.descriptorWeight;
    latent.bundleVersion = version;
    System.err.println(TrainLatentCommand.run(ModelBundle.open(options.out), latent, EnumSet.allOf(LatentBundleSteps.Step.class)));

    System.err.println("step 3/4: ZTF XD star/galaxy prior");
    List<String> xd = xdArguments(version, List.of(xdAlerts != null ? xdAlerts : options.alerts.get(0)));
    if (exclude != null) {
      xd.addAll(List.of("--exclude", exclude.toString()));
    }
    int rc = new CommandLine(new TrainXdCommand()).execute(xd.toArray(String[]::new));
    if (rc != 0) {
      return rc;
    }
    System.err.println("step 4/4: Rubin XD star/galaxy prior");
    // Two or four components: the Rubin sample is small (see the model card).
    List<String> rubin = xdArguments(version, options.alerts);
    rubin.addAll(List.of("--survey", "RUBIN", "--components", "2,4"));
    rc = new CommandLine(new TrainXdCommand()).execute(rubin.toArray(String[]::new));
    if (rc != 0) {
      System.err.println("no Rubin star/galaxy prior (see above); Rubin alerts get no star/galaxy section from this bundle");
    }
    ModelBundle done = ModelBundle.open(options.out);
    System.out.println("bundle " + done + " with components " + done.manifest().components().keySet());
    return 0;
  }

  /** Arguments of {@code train xd} that write its prior into this bundle, read from {@code alerts}. */
  private List<String> xdArguments(String version, List<Path> alerts) {
    List<String> args = new ArrayList<>(List.of("--base", options.out.toString(), "--out", options.out.toString(),
        "--bundle-version", version, "--seed", Long.toString(options.seed)));
    for (Path folder : alerts) {
      args.addAll(List.of("--alerts", folder.toString()));
    }
    return args;
  }

  /** The folders' own names (not where they sit on this machine), for the manifest. */
  private static String folderNames(List<Path> paths) {
    return String.join(", ", paths.stream().map(p -> String.valueOf(p.toAbsolutePath().normalize().getFileName())).toList());
  }
}
