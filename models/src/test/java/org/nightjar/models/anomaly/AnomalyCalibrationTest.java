package org.nightjar.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnomalyCalibrationTest {

  @Test
  void shouldGiveTheShareOfReferenceScoresBelowWithTiesCountedHalf() {
    AnomalyCalibration.Table t = AnomalyCalibration.Table.of(5, new double[] {4, 1, 2, 3, 3});
    assertEquals(0.0, t.percentile(0.5));
    assertEquals(10.0, t.percentile(1.0)); // half of one in five
    assertEquals(60.0, t.percentile(3.0)); // two below, two tied
    assertEquals(100.0, t.percentile(9.0));
    assertEquals(3.0, t.quantile(0.5));
  }

  @Test
  void shouldBeMonotoneInTheScore() {
    SplittableRandom r = new SplittableRandom(3);
    double[] scores = r.doubles(500, 0, 10).toArray();
    AnomalyCalibration.Table t = AnomalyCalibration.Table.of(5, scores);
    double previous = -1;
    for (double s = -1; s <= 11; s += 0.01) {
      double p = t.percentile(s);
      assertTrue(p >= previous, "percentile fell at " + s);
      assertTrue(p >= 0 && p <= 100);
      previous = p;
    }
  }

  @Test
  void shouldRefuseATableThatIsNotAscendingOrEmpty() {
    assertThrows(IllegalArgumentException.class, () -> new AnomalyCalibration.Table(5, new double[] {2, 1}));
    assertThrows(IllegalArgumentException.class, () -> new AnomalyCalibration.Table(5, new double[0]));
    assertThrows(IllegalArgumentException.class, () -> new AnomalyCalibration.Table(5, new double[] {Double.NaN}));
  }
}
