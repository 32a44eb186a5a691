package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nightjar.models.autoencoder.AutoencoderTrainingJob;
import org.nightjar.models.autoencoder.ProgressTrainingListener;
import org.nightjar.models.autoencoder.TrainingOptions;
import org.nightjar.models.preprocess.PreprocessingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the cutout autoencoder on a folder of real alerts and writes a bundle holding it, with
 * the held-out alert ids in its manifest, a loss curve and the input distributions as PNG.
 */
@Command(name = "autoencoder", mixinStandardHelpOptions = true,
    description = {"Train the cutout autoencoder on a folder of alert packets and write a model bundle.",
        "Objects are split by a seeded hash into train / validation / held out; training stops early on the",
        "validation loss. Add the star/galaxy prior afterwards with: train xd --base BUNDLE_DIR."})
public final class TrainAutoencoderCommand implements Callable<Integer> {
  @Option(names = "--alerts", required = true, paramLabel = "DIR", description = "Folder of alert packets (.avro), searched recursively.")
  Path alerts;

  @Option(names = "--out", required = true, paramLabel = "BUNDLE_DIR", description = "Folder the bundle is written to.")
  Path out;

  @Option(names = "--epochs", defaultValue = "200", description = "Most epochs; early stopping usually ends sooner (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--latent-dim", defaultValue = "64", description = "Size of the embedding (default: ${DEFAULT-VALUE}).")
  int latentDim;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the split, the initial weights and the batches: same data + seed, same weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--bundle-name", defaultValue = "nightjar-default", description = "Name written in the manifest (default: ${DEFAULT-VALUE}).")
  String bundleName;

  @Option(names = "--bundle-version", defaultValue = "0.1.0", description = "Semantic version written in the manifest (default: ${DEFAULT-VALUE}).")
  String bundleVersion;

  @Override
  public Integer call() throws Exception {
    TrainingOptions options = TrainingOptions.defaults().withMaxEpochs(epochs).withLatentDim(latentDim).withSeed(seed);
    ProgressTrainingListener listener = System.console() != null
        ? ProgressTrainingListener.forConsole() : ProgressTrainingListener.logLines();
    AutoencoderTrainingJob.Summary s = new AutoencoderTrainingJob(options, PreprocessingConfig.defaults(), bundleName, bundleVersion)
        .run(alerts, out, listener);
    System.out.printf("bundle %s %s written to %s: %d files read, %d skipped (no stamps), train %d / validation %d / held out %d alerts;"
        + " best epoch %d, validation masked MSE %.5f%n", bundleName, bundleVersion, s.bundle(), s.filesRead(), s.skipped(),
        s.train(), s.validation(), s.heldOut(), s.bestEpoch(), s.bestValidationLoss());
    return 0;
  }
}
