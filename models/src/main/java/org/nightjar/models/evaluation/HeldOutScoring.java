package org.nightjar.models.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.nightjar.models.ScoringException;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.ScoringResult;
import org.nightjar.models.ScoringStages;
import org.nightjar.models.StageCatalog;
import org.nightjar.models.StageListener;
import org.nightjar.models.StageSettings;
import org.nightjar.models.anomaly.AnomalyScorer;
import org.nightjar.models.artifact.ArtifactScorer;
import org.nightjar.models.artifact.WeakLabel;
import org.nightjar.models.autoencoder.EmbeddingScorer;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.training.BundleHoldout;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;

/**
 * Scores, with a bundle's embed, anomaly and artifact stages, the alerts among some files that the
 * bundle held out from training, and a damaged copy of each for every {@link InjectedAnomaly}.
 * The alerts the bundle trained on are skipped: every figure made from the result is a held-out one.
 */
public final class HeldOutScoring {

  private static final int BATCH = 256;

  /** The scored alerts and how many files were skipped as training alerts. */
  public record Result(List<ScoredAlert> alerts, int files, int trainingAlertsSkipped, int undecodable) {

    public List<ScoredAlert> real() {
      return alerts.stream().filter(a -> a.injected().isEmpty()).toList();
    }

    public List<ScoredAlert> injected() {
      return alerts.stream().filter(a -> a.injected().isPresent()).toList();
    }
  }

  private HeldOutScoring() {}

  public static Result score(ModelBundle bundle, List<Path> files, boolean inject, IntConsumer progress)
      throws BundleException, IOException, ScoringException {
    BundleHoldout holdout = BundleHoldout.of(bundle.manifest());
    AlertCodec codec = AlertCodec.withDefaults();
    List<ScoredAlert> out = new ArrayList<>();
    int skipped = 0;
    int undecodable = 0;
    try (ScoringStages stages = StageCatalog.create(
        List.of(EmbeddingScorer.STAGE, AnomalyScorer.STAGE, ArtifactScorer.STAGE), bundle, StageSettings.none())) {
      ScoringPipeline pipeline = new ScoringPipeline(stages, Optional.empty(), StageListener.NONE, Clock.systemUTC());
      List<Alert> batch = new ArrayList<>();
      List<Optional<InjectedAnomaly>> kinds = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Alert alert;
        try {
          alert = codec.decode(AlertFiles.read(files.get(i)));
        } catch (AlertDecodeException e) {
          undecodable++;
          continue;
        }
        if (!holdout.isHeldOut(alert)) {
          skipped++;
          continue;
        }
        batch.add(alert);
        kinds.add(Optional.empty());
        if (inject) {
          for (InjectedAnomaly kind : InjectedAnomaly.values()) {
            try {
              Optional<Alert> damaged = kind.apply(alert);
              if (damaged.isPresent()) {
                batch.add(damaged.get());
                kinds.add(Optional.of(kind));
              }
            } catch (AlertDecodeException e) {
              break; // a corrupt stamp: the real alert is dead-lettered below and has no copies
            }
          }
        }
        if (batch.size() >= BATCH) {
          flush(pipeline, batch, kinds, out);
          progress.accept(i + 1);
        }
      }
      flush(pipeline, batch, kinds, out);
      progress.accept(files.size());
    }
    return new Result(out, files.size(), skipped, undecodable);
  }

  private static void flush(ScoringPipeline pipeline, List<Alert> batch, List<Optional<InjectedAnomaly>> kinds,
      List<ScoredAlert> out) throws ScoringException {
    if (batch.isEmpty()) {
      return;
    }
    List<ScoringResult> results = pipeline.score(batch);
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) instanceof ScoringResult.Scored s) {
        Alert a = s.alert();
        Optional<Boolean> label = kinds.get(i).isPresent() ? Optional.empty()
            : WeakLabel.of(a.survey()).flatMap(l -> l.isArtifact(a));
        out.add(new ScoredAlert(a.survey(), s.scores(), kinds.get(i), label));
      }
    }
    batch.clear();
    kinds.clear();
  }
}
