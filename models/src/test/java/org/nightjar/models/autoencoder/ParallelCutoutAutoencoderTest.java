package org.nightjar.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParallelCutoutAutoencoderTest {

  @Test
  void shouldGiveTheSameOutputsAsOneNetworkInBatchOrder() {
    AutoencoderArchitecture arch = AutoencoderArchitecture.defaults();
    CutoutAutoencoder single = CutoutAutoencoder.initialise(arch, 21);
    int count = 37;
    float[] batch = CutoutAutoencoderTest.gaussianBatch(arch, count, 2);
    AutoencoderOutput expected = single.infer(batch, count);
    try (ParallelCutoutAutoencoder parallel = ParallelCutoutAutoencoder.of(single, 2, 16)) {
      assertEquals(2, parallel.workers());
      AutoencoderOutput actual = parallel.infer(batch, count);
      assertEquals(count, actual.count());
      for (int i = 0; i < count; i++) {
        for (int j = 0; j < arch.latentDim(); j++) {
          assertEquals(expected.latent()[i][j], actual.latent()[i][j], 1e-5, "stack " + i);
        }
      }
      for (int i = 0; i < expected.reconstruction().length; i += 97) {
        assertEquals(expected.reconstruction()[i], actual.reconstruction()[i], 1e-5);
      }
      // Too small to split: runs on one copy.
      assertEquals(5, parallel.infer(batch, 5).count());
    }
  }
}
