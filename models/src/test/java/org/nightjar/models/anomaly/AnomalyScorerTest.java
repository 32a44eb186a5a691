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
  void shouldScoreNoveltyAgainstEarlierBatchesOnlyWhenAWindowIsSet() {
    AnomalyScorer off = scorer(99.5);
    ScoringContext plain = embedded(1, 2, 1.5f);
    off.score(List.of(plain));
    assertTrue(plain.anomaly().orElseThrow().getNovelty() == null && plain.anomaly().get().getNoveltyWindow() == null);

    AnomalyScorer on = new AnomalyScorer(SearchSpace.latentOnly(2), scorerNeighbours(), Map.of(), 3, 99.5, 100);
    List<ScoringContext> first = List.of(embedded(11, 40, 40), embedded(12, 40, 41), embedded(13, 41, 40));
    on.score(first);
    // The window was empty: no novelty yet, and the batch's own alerts are not compared.
    assertEquals(0, first.get(0).anomaly().orElseThrow().getNoveltyWindow());
    assertTrue(first.get(0).anomaly().get().getNovelty() == null);
    ScoringContext again = embedded(14, 40, 40);
    ScoringContext elsewhere = embedded(15, -40, -40);
    on.score(List.of(again, elsewhere));
    assertEquals(3, again.anomaly().orElseThrow().getNoveltyWindow());
    // Far from the references (high score) but like tonight's earlier alerts (low novelty).
    assertEquals(1.0, again.anomaly().get().getNovelty(), 1e-6);
    assertTrue(elsewhere.anomaly().orElseThrow().getNovelty() > 100);
    assertFalse(again.tags().contains(Tag.ANOMALY), "no calibration table, no tag; novelty never tags");
  }

  private static Map<Survey, SurveyNeighbours> scorerNeighbours() {
    float[][] v = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
    SurveyReferences refs = new SurveyReferences(Survey.ZTF, v, new long[] {1000, 1001, 1002, 1003},
        new String[] {"a", "b", "c", "d"});
    return Map.of(Survey.ZTF, new SurveyNeighbours(refs, IndexKind.EXACT.build(v)));
  }

  @Test
  void shouldNeverCompareAnAlertWithAnotherSurveysReferences() {
    ScoringContext rubin = new ScoringContext(new StubAlert(5, Survey.RUBIN));
    rubin.setEmbedding(new float[] {1, 1}, 0.1);
    scorer(99.5).score(List.of(rubin));
    assertTrue(rubin.anomaly().isEmpty(), "a survey without references gets no anomaly section");
  }
}
