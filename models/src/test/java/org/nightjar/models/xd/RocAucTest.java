package org.nightjar.models.xd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RocAucTest {

  @Test
  void shouldBeOneForPerfectAndZeroForInvertedRanking() {
    boolean[] y = {false, false, true, true};
    assertEquals(1.0, RocAuc.of(new double[] {0.1, 0.2, 0.8, 0.9}, y));
    assertEquals(0.0, RocAuc.of(new double[] {0.9, 0.8, 0.2, 0.1}, y));
  }

  @Test
  void tiesShouldCountOneHalf() {
    assertEquals(0.5, RocAuc.of(new double[] {1, 1, 1, 1}, new boolean[] {true, false, true, false}));
  }

  @Test
  void shouldCountCorrectlyOrderedPairs() {
    // Positives 0.4, 0.8; negatives 0.3, 0.5, 0.9: ordered pairs (0.4>0.3), (0.8>0.3), (0.8>0.5) = 3 of 6.
    assertEquals(0.5, RocAuc.of(new double[] {0.4, 0.8, 0.3, 0.5, 0.9}, new boolean[] {true, true, false, false, false}));
    // Without the 0.9 negative: 3 of 4 pairs.
    assertEquals(0.75, RocAuc.of(new double[] {0.4, 0.8, 0.3, 0.5}, new boolean[] {true, true, false, false}));
  }

  @Test
  void shouldRejectSingleClass() {
    assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[] {1, 2}, new boolean[] {true, true}));
  }
}
