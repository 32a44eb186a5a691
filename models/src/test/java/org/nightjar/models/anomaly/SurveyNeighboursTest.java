package org.nightjar.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nightjar.models.index.IndexKind;
import org.nightjar.schemas.Survey;

class SurveyNeighboursTest {

  /** Points on a line at 0, 1, 2, ..., 9; objects pair them up: a0 a0 a1 a1 ... */
  private static SurveyNeighbours line() {
    int n = 10;
    float[][] v = new float[n][];
    long[] ids = new long[n];
    String[] objects = new String[n];
    for (int i = 0; i < n; i++) {
      v[i] = new float[] {i, 0};
      ids[i] = 100 + i;
      objects[i] = "a" + (i / 2);
    }
    SurveyReferences refs = new SurveyReferences(Survey.ZTF, v, ids, objects);
    return new SurveyNeighbours(refs, IndexKind.EXACT.build(v));
  }

  @Test
  void shouldNotCountAnAlertOfTheReferenceSetAsItsOwnNeighbour() {
    SurveyNeighbours n = line();
    SurveyNeighbours.Nearest self = n.nearest(new float[][] {{4, 0}}, new long[] {104}, 3)[0];
    SurveyNeighbours.Nearest stranger = n.nearest(new float[][] {{4, 0}}, new long[] {999}, 3)[0];
    assertEquals(3, self.rows().length);
    for (int row : self.rows()) {
      assertEquals(true, row != 4, "the alert itself came back as a neighbour");
    }
    assertEquals(0.0, stranger.distances()[0], 1e-6);
    assertEquals(1.0, self.score(), 1e-6); // distances 1, 1, 2: median 1
    assertEquals(1.0, stranger.score(), 1e-6); // distances 0, 1, 1
  }

  @Test
  void shouldScoreTheFirstKOfAWiderSearchByTheirOwnMedian() {
    SurveyNeighbours.Nearest wide = line().nearest(new float[][] {{0, 0}}, new long[] {999}, 7)[0];
    assertEquals(3.0, wide.score(), 1e-6); // distances 0..6
    SurveyNeighbours.Nearest first = wide.first(3);
    assertArrayEquals(new int[] {0, 1, 2}, first.rows());
    assertEquals(1.0, first.score(), 1e-6);
    assertEquals(wide, wide.first(10));
  }

  @Test
  void shouldLeaveOutTheWholeObjectWhenCalibrating() {
    double[] scores = line().leaveOneObjectOutScores(1);
    // Point 4 belongs with 5 to object a2: its nearest other object is at 3, one away; point 0
    // (with 1 in a0) has its nearest other object at 2.
    assertEquals(1.0, scores[4], 1e-6);
    assertEquals(2.0, scores[0], 1e-6);
    assertEquals(2.0, scores[9], 1e-6);
  }

  @Test
  void shouldTakeTheMedianOfTheKDistances() {
    SurveyNeighbours.Nearest n = line().nearest(new float[][] {{-3, 0}}, new long[] {1}, 5)[0];
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, n.rows());
    assertEquals(5.0, n.score(), 1e-6);
  }
}
