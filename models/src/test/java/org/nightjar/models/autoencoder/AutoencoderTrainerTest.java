package org.nightjar.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nightjar.models.preprocess.CutoutPreprocessor;
import org.nightjar.models.preprocess.PreprocessingConfig;
import org.nightjar.schemas.Cutout;

class AutoencoderTrainerTest {

  private static final AutoencoderArchitecture SMALL = new AutoencoderArchitecture(32, 3, 4, 8, 8);

  /** Gaussian blobs of random position and brightness on noise: learnable, cheap, seeded. */
  private static List<TrainingExample> blobs(int count, long seed) {
    CutoutPreprocessor preprocessor = new CutoutPreprocessor(PreprocessingConfig.defaults());
    SplittableRandom random = new SplittableRandom(seed);
    List<TrainingExample> examples = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      double cx = 26 + random.nextDouble() * 10;
      double cy = 26 + random.nextDouble() * 10;
      double flux = 50 + random.nextDouble() * 500;
      float[] pixels = new float[63 * 63];
      for (int y = 0; y < 63; y++) {
        for (int x = 0; x < 63; x++) {
          double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
          pixels[y * 63 + x] = (float) (flux * Math.exp(-r2 / 8) + 5 * random.nextGaussian());
        }
      }
      Cutout c = Cutout.of(63, 63, pixels);
      examples.add(new TrainingExample(n, "obj" + n, preprocessor.prepare(c, c, c)));
    }
    return examples;
  }

  private static TrainingOptions options(long seed) {
    return new TrainingOptions(SMALL, 6, 6, 16, 5e-3, seed, 10, 10, true);
  }

  private static byte[] weights(CutoutAutoencoder network) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    network.write(out);
    return out.toByteArray();
  }

  @Test
  void shouldLowerValidationLossOnLearnableData() {
    List<TrainingExample> train = blobs(96, 1);
    List<TrainingExample> validation = blobs(24, 2);
    CutoutAutoencoder untrained = CutoutAutoencoder.initialise(SMALL, 3);
    double before = AutoencoderTrainer.validationLoss(untrained, validation);
    AutoencoderTrainer.Result result = new AutoencoderTrainer(options(3)).train(train, validation, TrainingListener.none());
    assertTrue(result.bestValidationLoss() < 0.5 * before,
        "validation loss " + result.bestValidationLoss() + " vs untrained " + before);
    assertEquals(result.bestValidationLoss(), AutoencoderTrainer.validationLoss(result.network(), validation), 1e-9,
        "the returned network carries the best epoch's weights");
  }

  @Test
  void shouldGiveIdenticalWeightsForSameDataAndSeed() throws Exception {
    List<TrainingExample> train = blobs(48, 4);
    List<TrainingExample> validation = blobs(16, 5);
    TrainingOptions twoEpochs = options(9).withMaxEpochs(2);
    byte[] first = weights(new AutoencoderTrainer(twoEpochs).train(train, validation, TrainingListener.none()).network());
    byte[] second = weights(new AutoencoderTrainer(twoEpochs).train(train, validation, TrainingListener.none()).network());
    assertArrayEquals(first, second);
  }
}
