package org.nightjar.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nightjar.models.ScoringContext;
import org.nightjar.models.index.IndexKind;
import org.nightjar.models.testing.StubAlert;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.Tag;

class AnomalyScorerTest {

  private static AnomalyScorer scorer(double tagPercentile) {
    float[][] v = new float[20][];
    long[] ids = new long[20];
    String[] objects = new String[20];
    for (int i = 0; i < 20; i++) {
      v[i] = new float[] {i % 5, i / 5};
      ids[i] = 1000 + i;
      objects[i] = "o" + i;
    }
    SurveyReferences refs = new SurveyReferences(Survey.ZTF, v, ids, objects);
    SurveyNeighbours n = new SurveyNeighbours(refs, IndexKind.EXACT.build(v));
    AnomalyCalibration.Table table = AnomalyCalibration.Table.of(3, n.leaveOneObjectOutScores(3));
    return new AnomalyScorer(SearchSpace.latentOnly(2), Map.of(Survey.ZTF, n), Map.of(Survey.ZTF, table), 3, tagPercentile);
  }

  private static ScoringContext embedded(long id, float x, float y) {
    ScoringContext c = new ScoringContext(StubAlert.withoutCutouts(id));
    c.setEmbedding(new float[] {x, y}, 0.1);
    return c;
  }

  @Test
  void shouldScoreExplainAndTagTheFarAlertOnly() {
    ScoringContext near = embedded(1, 2, 1.5f);
    ScoringContext far = embedded(2, 40, 40);
    ScoringContext none = new ScoringContext(StubAlert.withoutCutouts(3));
    scorer(99.5).score(List.of(near, far, none));
    assertEquals(3, near.anomaly().orElseThrow().getNeighbours().size());
    assertTrue(near.anomaly().get().getPercentile() < 99.5);
    assertFalse(near.tags().contains(Tag.ANOMALY));
    assertEquals(100.0, far.anomaly().orElseThrow().getPercentile());
    assertTrue(far.tags().contains(Tag.ANOMALY));
    assertTrue(none.anomaly().isEmpty(), "an alert without an embedding gets no anomaly section");
    assertTrue(near.searchVector().isPresent());
  }

  @Test
  void shouldKeepAWiderNeighbourhoodForLaterStagesWhileScoringOnTheFirstK() {
    ScoringContext c = embedded(1, 2, 1.5f);
    scorer(99.5).score(List.of(c));
    ScoringContext.Neighbourhood wide = c.neighbourhood().orElseThrow();
    // Twenty references, fewer than the neighbourhood: all of them, nearest first.
    assertEquals(20, wide.alertIds().length);
    for (int i = 1; i < wide.distances().length; i++) {
      assertTrue(wide.distances()[i] >= wide.distances()[i - 1]);
    }
    var explained = c.anomaly().orElseThrow().getNeighbours();
    assertEquals(3, explained.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(wide.alertIds()[i], explained.get(i).getAlertId());
    }
    // The score is the median of the first three distances, not of the neighbourhood.
    assertEquals(wide.distances()[1], c.anomaly().get().getScore(), 1e-6);
  }

  @Test
  void shouldNeverCompareAnAlertWithAnotherSurveysReferences() {
    ScoringContext rubin = new ScoringContext(new StubAlert(5, Survey.RUBIN));
    rubin.setEmbedding(new float[] {1, 1}, 0.1);
    scorer(99.5).score(List.of(rubin));
    assertTrue(rubin.anomaly().isEmpty(), "a survey without references gets no anomaly section");
  }
}
