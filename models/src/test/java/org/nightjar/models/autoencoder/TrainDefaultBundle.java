package org.nightjar.models.autoencoder;

import java.nio.file.Path;
import org.nightjar.models.preprocess.PreprocessingConfig;

/**
 * Test-scope runner that (re)builds the shipped default bundle until the CLI's
 * {@code nightjar train autoencoder} exists. Not a test.
 *
 * <pre>
 * java -cp models/target/classes:models/target/test-classes:CLASSPATH \
 *     org.nightjar.models.autoencoder.TrainDefaultBundle ALERTS_DIR BUNDLE_DIR [MAX_EPOCHS] [VERSION]
 * </pre>
 */
public final class TrainDefaultBundle {

  private TrainDefaultBundle() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: TrainDefaultBundle ALERTS_DIR BUNDLE_DIR [MAX_EPOCHS] [VERSION]");
      System.exit(2);
    }
    TrainingOptions options = TrainingOptions.defaults();
    if (args.length > 2) {
      options = options.withMaxEpochs(Integer.parseInt(args[2]));
    }
    String version = args.length > 3 ? args[3] : "0.1.0";
    AutoencoderTrainingJob.Summary summary =
        new AutoencoderTrainingJob(options, PreprocessingConfig.defaults(), "nightjar-default", version)
            .run(Path.of(args[0]), Path.of(args[1]), ProgressTrainingListener.logLines());
    System.out.println(summary);
  }
}
