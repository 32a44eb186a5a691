package org.nightjar.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nightjar.models.ScoringContext;
import org.nightjar.models.StageSettings;
import org.nightjar.models.preprocess.PreparedStack;
import org.nightjar.models.preprocess.PreprocessingConfig;
import org.nightjar.models.testing.StubAlert;
import org.nightjar.models.testing.TestStamps;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.Survey;

class EmbeddingScorerTest {

  private final AutoencoderModel model =
      new AutoencoderModel(
          CutoutAutoencoder.initialise(AutoencoderArchitecture.defaults(), 5), PreprocessingConfig.defaults());

  @Test
  void shouldEmbedAlertsWithCutoutsAndSkipTheOthers() throws Exception {
    ScoringContext ordinary = new ScoringContext(StubAlert.withCutouts(1, TestStamps.triplet(TestStamps.ORDINARY)));
    ScoringContext noCutouts = new ScoringContext(StubAlert.withoutCutouts(2));
    ScoringContext edge = new ScoringContext(StubAlert.withCutouts(3, TestStamps.triplet(TestStamps.EDGE)));
    ScoringContext rejected = new ScoringContext(StubAlert.withCutouts(4, TestStamps.triplet(TestStamps.WITH_NAN)));
    rejected.reject(RejectReason.SCORING_FAILED, "earlier", "rejected upstream");

    try (EmbeddingScorer scorer = new EmbeddingScorer(model)) {
      assertEquals("embed", scorer.stage());
      scorer.score(List.of(ordinary, noCutouts, edge, rejected));
    }

    assertEquals(64, ordinary.embedding().orElseThrow().length);
    assertEquals(64, edge.embedding().orElseThrow().length);
    assertTrue(ordinary.reconstructionError().getAsDouble() > 0);
    assertFalse(noCutouts.embedding().isPresent());
    assertFalse(noCutouts.reconstructionError().isPresent());
    assertFalse(rejected.embedding().isPresent());
  }

  @Test
  void shouldEmbedOnlyTheSurveysTheNetworkWasTrainedOn() throws Exception {
    AutoencoderModel ztfOnly = new AutoencoderModel(model.network(), PreprocessingConfig.defaults(), EnumSet.of(Survey.ZTF));
    ScoringContext ztf = new ScoringContext(StubAlert.withCutouts(1, Survey.ZTF, TestStamps.triplet(TestStamps.ORDINARY)));
    ScoringContext rubin = new ScoringContext(StubAlert.withCutouts(2, Survey.RUBIN, TestStamps.triplet(TestStamps.ORDINARY)));
    new EmbeddingScorer(ztfOnly).score(List.of(ztf, rubin));
    assertTrue(ztf.embedding().isPresent());
    assertFalse(rubin.embedding().isPresent(), "never a verdict from a network made for another survey");
    assertFalse(rubin.isRejected(), "left unscored by this stage, not rejected");
  }

  @Test
  void shouldMapASurveyToAnotherSurveysNetworkOnlyWhenAsked() {
    Set<Survey> ztf = EnumSet.of(Survey.ZTF);
    assertEquals(Set.of(), EmbedStage.mappedSurveys("", ztf));
    assertEquals(Set.of(Survey.RUBIN), EmbedStage.mappedSurveys("rubin:ZTF", ztf));
    assertThrows(StageSettings.InvalidSettingException.class, () -> EmbedStage.mappedSurveys("ZTF:RUBIN", ztf),
        "the network was not trained for the target");
    assertThrows(StageSettings.InvalidSettingException.class, () -> EmbedStage.mappedSurveys("RUBIN", ztf));
    assertThrows(StageSettings.InvalidSettingException.class, () -> EmbedStage.mappedSurveys("LSST:ZTF", ztf));
  }

  @Test
  void shouldReportTheMaskedErrorOfItsOwnReconstruction() throws Exception {
    Cutout[] t = TestStamps.triplet(TestStamps.WITH_NAN);
    ScoringContext context = new ScoringContext(StubAlert.withCutouts(7, t));
    new EmbeddingScorer(model).score(List.of(context));

    PreparedStack stack = model.preprocessor().prepare(t[0], t[1], t[2]);
    AutoencoderOutput out = model.network().infer(stack.values(), 1);
    double expected = ReconstructionError.maskedMse(stack.values(), stack.mask(), out.reconstruction(), 0);
    assertEquals(expected, context.reconstructionError().getAsDouble(), 1e-6);
  }

  @Test
  void shouldCallTheNetworkOncePerBatch() throws Exception {
    CutoutAutoencoder inner = model.network();
    int[] calls = new int[1];
    int[] sizes = new int[1];
    AutoencoderNetwork counting =
        new AutoencoderNetwork() {
          @Override
          public AutoencoderArchitecture architecture() {
            return inner.architecture();
          }

          @Override
          public AutoencoderOutput infer(float[] batch, int count) {
            calls[0]++;
            sizes[0] = count;
            return inner.infer(batch, count);
          }
        };
    List<ScoringContext> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(new ScoringContext(StubAlert.withCutouts(i, TestStamps.triplet(TestStamps.ORDINARY))));
    }
    batch.add(new ScoringContext(StubAlert.withoutCutouts(99)));
    new EmbeddingScorer(model.preprocessor(), counting, BackendInfo.current(), 1, model.surveys()).score(batch);
    assertEquals(1, calls[0]);
    assertEquals(5, sizes[0]);
  }

  @Test
  void shouldExposeBackendAndThreads() {
    BackendInfo info = new EmbeddingScorer(model).backend();
    assertEquals("CPU", info.backend());
    assertTrue(info.ompThreads() >= 1);
    assertTrue(info.label().startsWith("CPU/"));
  }
}
