package org.nightjar.models.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NeighbourLabelsTest {

  private final NeighbourLabels labels = new NeighbourLabels(Map.of(1L, 0.9, 2L, 0.8, 3L, 0.0), 0.1);

  @Test
  void shouldWeighNeighboursByDistanceAndCountThePseudoNeighbour() {
    float[] d = {1, 2, 3, 4};
    double width = 1 + 1e-3;
    double w1 = Math.exp(-1 / width);
    double w2 = Math.exp(-2 / width);
    double w3 = Math.exp(-3 / width);
    double expected = (0.1 + w1 * 0.9 + w2 * 0.8 + w3 * 0.0) / (1 + w1 + w2 + w3);
    assertEquals(expected, labels.bogusness(new long[] {1, 2, 3, 9}, d), 1e-12);
  }

  @Test
  void shouldGiveTheBaseRateWithoutLabelledNeighbours() {
    assertEquals(0.1, labels.bogusness(new long[] {9, 10}, new float[] {0.5f, 0.6f}), 1e-12);
    assertEquals(0.1, labels.bogusness(new long[0], new float[0]), 1e-12);
  }

  @Test
  void shouldLetTheNearestNeighbourOutweighFarOnes() {
    double nearBogus = labels.bogusness(new long[] {1, 3}, new float[] {1, 5});
    double nearReal = labels.bogusness(new long[] {3, 1}, new float[] {1, 5});
    // The same two references, only their order (distance) swapped.
    assertTrue(nearBogus > 3 * nearReal && nearReal < 0.1, nearBogus + " " + nearReal);
  }

  @Test
  void shouldRefuseBogusnessOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> new NeighbourLabels(Map.of(1L, 1.5), 0.1));
    assertThrows(IllegalArgumentException.class,
        () -> labels.bogusness(new long[] {1}, new float[] {1, 2}));
  }
}
