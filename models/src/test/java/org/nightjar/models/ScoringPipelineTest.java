package org.nightjar.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.avro.AlertScores;
import org.nightjar.schemas.avro.QualityFlag;
import org.nightjar.schemas.avro.Tag;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;

class ScoringPipelineTest {
  private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  private final AlertCodec codec = AlertCodec.withDefaults();

  @Test
  void shouldKeepInputOrderAndRejectOnlyTheAlertWithABadStamp() throws Exception {
    Alert good = decode(Files.readAllBytes(SampleAlerts.ztf().get(0)));
    Alert bad = decode(BadAlerts.truncatedGzipCutout().message());
    Alert other = decode(Files.readAllBytes(SampleAlerts.ztf().get(1)));
    List<ScoringResult> results = pipeline(List.of()).score(List.of(good, bad, other));
    assertEquals(3, results.size());
    assertInstanceOf(ScoringResult.Scored.class, results.get(0));
    ScoringResult.Rejected r = assertInstanceOf(ScoringResult.Rejected.class, results.get(1));
    assertEquals(RejectReason.TRUNCATED_GZIP, r.rejection().reason());
    assertEquals(ScoringPipeline.CUTOUT_STAGE, r.rejection().stage());
    assertEquals(other.alertId(), ((ScoringResult.Scored) results.get(2)).scores().getAlertId());
  }

  @Test
  void shouldCopyIdentityFieldsAndStampSummaries() throws Exception {
    Alert a = decode(Files.readAllBytes(SampleAlerts.ztf().get(0)));
    AlertScores s = ((ScoringResult.Scored) pipeline(List.of()).score(List.of(a)).get(0)).scores();
    assertEquals(a.alertId(), s.getAlertId());
    assertEquals(a.objectId(), s.getObjectId());
    assertEquals(a.eventTime().toEpochMilli(), s.getEventTime().toEpochMilli());
    assertEquals(FIXED.instant(), s.getScoredAt());
    assertEquals(3, s.getCutouts().size());
    assertTrue(s.getStageMillis().containsKey(ScoringPipeline.CUTOUT_STAGE));
    assertEquals(null, s.getAnomaly(), "no anomaly stage: no anomaly section");
    assertEquals(null, s.getStarGalaxy(), "no star/galaxy stage: no section");
  }

  @Test
  void shouldFlagAlertsWithoutStampsAndWithEdgeStamps() throws Exception {
    Alert none = decode(Files.readAllBytes(SampleAlerts.ztfWithoutCutouts().get(0)));
    AlertScores s = ((ScoringResult.Scored) pipeline(List.of()).score(List.of(none)).get(0)).scores();
    assertEquals(List.of(QualityFlag.NO_CUTOUTS), s.getFlags());

    List<Alert> edge = new ArrayList<>();
    for (Path p : SampleAlerts.ztf()) {
      Alert a = decode(Files.readAllBytes(p));
      if (a.cutout(org.nightjar.schemas.CutoutKind.SCIENCE).map(c -> c.width() < 63 || c.height() < 63).orElse(false)) {
        edge.add(a);
      }
    }
    assertFalse(edge.isEmpty(), "the sample holds edge-of-detector stamps");
    for (ScoringResult r : pipeline(List.of()).score(edge)) {
      AlertScores es = assertInstanceOf(ScoringResult.Scored.class, r).scores();
      assertTrue(es.getFlags().contains(QualityFlag.EDGE_CUTOUT), es.getFlags().toString());
    }
  }

  @Test
  void shouldRunScorersOnlyOnAlertsStillInTheBatchAndCarryTheirTags() throws Exception {
    List<Integer> seen = new ArrayList<>();
    Scorer tagger = new Scorer() {
      @Override
      public String stage() {
        return "test";
      }

      @Override
      public void score(List<ScoringContext> batch) {
        seen.add(batch.size());
        batch.forEach(c -> c.tag(Tag.ANOMALY));
      }
    };
    Alert good = decode(Files.readAllBytes(SampleAlerts.ztf().get(0)));
    Alert bad = decode(BadAlerts.cutoutNotFits().message());
    List<ScoringResult> results = pipeline(List.of(tagger)).score(List.of(good, bad));
    assertEquals(List.of(1), seen);
    ScoringResult.Scored s = (ScoringResult.Scored) results.get(0);
    assertEquals(List.of(Tag.ANOMALY), s.scores().getTags());
    assertTrue(s.scores().getStageMillis().containsKey("test"));
  }

  @Test
  void shouldHandEveryFinishedContextToTheObserverInInputOrder() throws Exception {
    float[] vector = {1f, 2f};
    Scorer searcher = new Scorer() {
      @Override
      public String stage() {
        return "search";
      }

      @Override
      public void score(List<ScoringContext> batch) {
        batch.forEach(c -> c.setSearchVector(vector));
      }
    };
    Alert good = decode(Files.readAllBytes(SampleAlerts.ztf().get(0)));
    Alert bad = decode(BadAlerts.cutoutNotFits().message());
    Alert other = decode(Files.readAllBytes(SampleAlerts.ztf().get(1)));
    List<ScoringContext> seen = new ArrayList<>();
    List<ScoringResult> results = pipeline(List.of(searcher)).score(List.of(good, bad, other), seen::add);
    assertEquals(List.of(good, bad, other), seen.stream().map(ScoringContext::alert).toList());
    assertEquals(Optional.of(vector), seen.get(0).searchVector(), "after the last stage ran");
    assertTrue(seen.get(1).isRejected() && seen.get(1).searchVector().isEmpty());
    assertEquals(3, results.size());
  }

  @Test
  void shouldPropagateABatchWideScorerFailure() throws Exception {
    Scorer broken = new Scorer() {
      @Override
      public String stage() {
        return "broken";
      }

      @Override
      public void score(List<ScoringContext> batch) throws ScoringException {
        throw new ScoringException("model not loaded");
      }
    };
    Alert good = decode(Files.readAllBytes(SampleAlerts.ztf().get(0)));
    assertThrows(ScoringException.class, () -> pipeline(List.of(broken)).score(List.of(good)));
  }

  private ScoringPipeline pipeline(List<Scorer> scorers) {
    return new ScoringPipeline(scorers, Optional.empty(), StageListener.NONE, FIXED);
  }

  private Alert decode(byte[] bytes) throws Exception {
    return codec.decode(bytes);
  }
}
