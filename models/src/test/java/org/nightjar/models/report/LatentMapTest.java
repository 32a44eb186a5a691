package org.nightjar.models.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nightjar.models.anomaly.SurveyReferences;
import org.nightjar.schemas.Survey;

class LatentMapTest {

  @Test
  void subsetDrawsDistinctSortedIndicesAndKeepsAllWhenThereIsRoom() {
    int[] kept = LatentMap.subset(100, 30, new Random(3));
    assertEquals(30, kept.length);
    for (int i = 1; i < kept.length; i++) {
      assertTrue(kept[i] > kept[i - 1]);
    }
    assertArrayEquals(kept, LatentMap.subset(100, 30, new Random(3)), "seeded");
    assertArrayEquals(new int[] {0, 1, 2}, LatentMap.subset(3, 10, new Random(3)));
  }

  @Test
  void referencesGiveWayToAlertsDownToHalfTheBudget() {
    Random random = new Random(1);
    int refs = 50;
    float[][] vectors = new float[refs][4];
    long[] ids = new long[refs];
    String[] objects = new String[refs];
    for (int i = 0; i < refs; i++) {
      for (int d = 0; d < 4; d++) {
        vectors[i][d] = (float) random.nextGaussian() + (i % 2) * 5;
      }
      ids[i] = i;
      objects[i] = "o" + i;
    }
    SurveyReferences references = new SurveyReferences(Survey.ZTF, vectors, ids, objects);
    List<ReportAlert> alerts = java.util.stream.IntStream.range(0, 40).mapToObj(i -> alert(1000 + i, vectors[i]))
        .toList();
    LatentMap map = LatentMap.of(Map.of(Survey.ZTF, references), s -> Optional.empty(), alerts, 60, 7);
    assertEquals(30, map.referencesShown(), "half the budget stays with the references");
    assertEquals(30, map.alertsShown());
    assertEquals(40, map.alertsTotal());
    assertEquals(60, map.points().size());
    assertTrue(map.points().stream().allMatch(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())));
    LatentMap again = LatentMap.of(Map.of(Survey.ZTF, references), s -> Optional.empty(), alerts, 60, 7);
    assertEquals(map.points(), again.points(), "same seed, same map");
  }

  @Test
  void continuousColouringsCutAtTheirEdges() {
    MapPoint at = point(OptionalDouble.of(0.5));
    MapPoint below = point(OptionalDouble.of(0.4999));
    assertEquals(Optional.of("0.5-0.75"), MapColouring.REAL_BOGUS.classOf(at));
    assertEquals(Optional.of("0.25-0.5"), MapColouring.REAL_BOGUS.classOf(below));
    assertEquals(Optional.empty(), MapColouring.REAL_BOGUS.classOf(point(OptionalDouble.empty())));
    assertEquals(Optional.of("ZTF cluster 2"), MapColouring.CLUSTER.classOf(at));
  }

  private static MapPoint point(OptionalDouble realBogus) {
    return new MapPoint(0, 0, false, Survey.ZTF, 1, Optional.of(2), OptionalDouble.empty(), realBogus,
        OptionalDouble.empty(), false);
  }

  private static ReportAlert alert(long id, float[] vector) {
    var scores = org.nightjar.schemas.avro.AlertScores.newBuilder().setAlertId(id).setObjectId("a" + id)
        .setSurvey(org.nightjar.schemas.avro.Survey.ZTF).setEventTime(java.time.Instant.EPOCH)
        .setScoredAt(java.time.Instant.EPOCH).setRa(0).setDec(0).setCutouts(new java.util.ArrayList<>())
        .setFlags(new java.util.ArrayList<>()).setTags(new java.util.ArrayList<>())
        .setStageMillis(new java.util.HashMap<>()).build(); // every array set: Avro's defaults need trusted classes
    return new ReportAlert(java.nio.file.Path.of(id + ".avro"), scores, Optional.of(vector), OptionalDouble.empty());
  }
}
