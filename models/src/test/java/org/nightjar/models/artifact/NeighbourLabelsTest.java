package org.nightjar.models.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NeighbourLabelsTest {

  @Test
  void shouldCountLabelledNeighboursOnlyAndLeanOnTheBaseRateWhenFewAreLabelled() {
    NeighbourLabels labels = new NeighbourLabels(Map.of(1L, true, 2L, true, 3L, false), 0.1);
    // Two artifacts and one real neighbour, plus a pseudo-neighbour at the base rate; 9 is unlabelled.
    assertEquals((2 + 0.1) / 4, labels.artifactShare(new long[] {1, 2, 3, 9}), 1e-12);
    assertEquals(0.1, labels.artifactShare(new long[] {9, 10}), 1e-12);
    assertEquals((1 + 0.1) / 2, labels.artifactShare(new long[] {1}), 1e-12);
  }
}
