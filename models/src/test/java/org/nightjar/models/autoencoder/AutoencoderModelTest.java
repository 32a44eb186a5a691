package org.nightjar.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.models.bundle.BundleIntegrityException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.bundle.ModelBundleWriter;
import org.nightjar.models.preprocess.PreparedStack;
import org.nightjar.models.preprocess.PreprocessingConfig;
import org.nightjar.models.testing.TestStamps;
import org.nightjar.schemas.Cutout;

class AutoencoderModelTest {

  @TempDir Path dir;

  private static AutoencoderModel untrained() {
    return new AutoencoderModel(
        CutoutAutoencoder.initialise(AutoencoderArchitecture.defaults().withLatentDim(16), 11),
        PreprocessingConfig.defaults());
  }

  private static float[] realInput(AutoencoderModel model) {
    Cutout[] t = TestStamps.triplet(TestStamps.ORDINARY);
    Cutout[] n = TestStamps.triplet(TestStamps.WITH_NAN);
    PreparedStack a = model.preprocessor().prepare(t[0], t[1], t[2]);
    PreparedStack b = model.preprocessor().prepare(n[0], n[1], n[2]);
    float[] input = new float[a.values().length * 2];
    System.arraycopy(a.values(), 0, input, 0, a.values().length);
    System.arraycopy(b.values(), 0, input, a.values().length, b.values().length);
    return input;
  }

  @Test
  void shouldGiveBitIdenticalEmbeddingsAfterSaveAndLoad() throws Exception {
    AutoencoderModel model = untrained();
    ModelBundleWriter writer = new ModelBundleWriter("round-trip", "0.0.1");
    model.addTo(writer);
    writer.write(dir);

    AutoencoderModel loaded = AutoencoderModel.load(ModelBundle.open(dir));
    assertEquals(model.network().architecture(), loaded.network().architecture());
    assertEquals(model.preprocessing(), loaded.preprocessing());
    float[] input = realInput(model);
    AutoencoderOutput before = model.network().infer(input, 2);
    AutoencoderOutput after = loaded.network().infer(input, 2);
    for (int i = 0; i < 2; i++) {
      assertEquals(16, after.latent()[i].length);
      assertArrayEquals(before.latent()[i], after.latent()[i]);
    }
    assertArrayEquals(before.reconstruction(), after.reconstruction());
  }

  @Test
  void shouldRefuseTamperedWeights() throws Exception {
    ModelBundleWriter writer = new ModelBundleWriter("tampered", "0.0.1");
    untrained().addTo(writer);
    writer.write(dir);
    Path weights = dir.resolve(AutoencoderModel.FILE);
    byte[] bytes = Files.readAllBytes(weights);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(weights, bytes);
    BundleIntegrityException e =
        assertThrows(BundleIntegrityException.class, () -> AutoencoderModel.load(ModelBundle.open(dir)));
    assertEquals(AutoencoderModel.FILE, e.file());
    assertTrue(e.getMessage().contains(AutoencoderModel.FILE));
  }

  @Test
  void shouldProduceTheSameEmbeddingAloneAndInABatch() {
    AutoencoderModel model = untrained();
    float[] input = realInput(model);
    int length = model.network().architecture().inputLength();
    float[] second = java.util.Arrays.copyOfRange(input, length, 2 * length);
    AutoencoderOutput batch = model.network().infer(input, 2);
    AutoencoderOutput alone = model.network().infer(second, 1);
    for (int j = 0; j < 16; j++) {
      assertEquals(batch.latent()[1][j], alone.latent()[0][j], 1e-5);
    }
  }
}
