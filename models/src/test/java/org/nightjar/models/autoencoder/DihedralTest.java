package org.nightjar.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DihedralTest {

  @Test
  void shouldGiveEightDistinctPermutationsKeepingChannelsTogether() {
    int size = 3;
    int channels = 2;
    float[] src = new float[size * size * channels];
    for (int i = 0; i < src.length; i++) {
      src[i] = i;
    }
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < 8; k++) {
      float[] out = Dihedral.apply(src, size, channels, k);
      for (int p = 0; p < size * size; p++) {
        assertEquals(out[p * 2] + 1, out[p * 2 + 1], "channels of one pixel stay together");
      }
      seen.add(java.util.Arrays.toString(out));
    }
    assertEquals(8, seen.size());
    assertArrayEquals(src, Dihedral.apply(src, size, channels, 0));
  }
}
