package org.nightjar.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReconstructionErrorTest {

  @Test
  void shouldAverageOnlyOverMaskedInPixels() {
    float[] input = {1, 2, 3, 4};
    float[] mask = {1, 1, 0, 1};
    float[] reconstruction = {9, 9, 1, 4, 100, 4};
    // Offset 2: differences 0, 2, (masked), 0.
    assertEquals(4.0 / 3, ReconstructionError.maskedMse(input, mask, reconstruction, 2), 1e-12);
  }

  @Test
  void shouldBeNaNWhenNothingIsMaskedIn() {
    assertTrue(Double.isNaN(ReconstructionError.maskedMse(new float[2], new float[2], new float[2], 0)));
  }
}
