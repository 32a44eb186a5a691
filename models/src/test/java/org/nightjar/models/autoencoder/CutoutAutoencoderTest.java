package org.nightjar.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class CutoutAutoencoderTest {

  @Test
  void rowsOfAnyLayoutAreTheMatrixRows() {
    INDArray matrix = Nd4j.arange(0, 12).castTo(DataType.FLOAT).reshape('c', 3, 4);
    float[][] expected = {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}};
    assertArrayEquals(expected, CutoutAutoencoder.rows(matrix));
    // A transposed view and a slice share a buffer laid out otherwise: read element by element.
    assertArrayEquals(new float[][] {{0, 4, 8}, {1, 5, 9}, {2, 6, 10}, {3, 7, 11}},
        CutoutAutoencoder.rows(matrix.transpose()));
    assertArrayEquals(new float[][] {{5, 6}, {9, 10}},
        CutoutAutoencoder.rows(matrix.get(NDArrayIndex.interval(1, 3), NDArrayIndex.interval(1, 3))));
  }

  @Test
  void embeddingsAreOnePerStackAndIndependentOfTheBatch() {
    AutoencoderArchitecture arch = AutoencoderArchitecture.defaults();
    CutoutAutoencoder network = CutoutAutoencoder.initialise(arch, 5);
    int count = 3;
    float[] batch = gaussianBatch(arch, count, 8);
    AutoencoderOutput all = network.infer(batch, count);
    assertEquals(count, all.latent().length);
    float[] last = Arrays.copyOfRange(batch, 2 * arch.inputLength(), 3 * arch.inputLength());
    float[] alone = network.infer(last, 1).latent()[0];
    assertEquals(arch.latentDim(), alone.length);
    for (int j = 0; j < alone.length; j++) {
      assertEquals(alone[j], all.latent()[2][j], 1e-5, "latent " + j);
    }
  }

  /** {@code count} stacks of standard normal values, as a network's input. */
  static float[] gaussianBatch(AutoencoderArchitecture arch, int count, long seed) {
    float[] batch = new float[count * arch.inputLength()];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < batch.length; i++) {
      batch[i] = (float) random.nextGaussian();
    }
    return batch;
  }
}
