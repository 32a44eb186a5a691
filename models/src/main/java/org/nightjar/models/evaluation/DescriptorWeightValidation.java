package org.nightjar.models.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.LongStream;
import org.nightjar.models.ScoringContext;
import org.nightjar.models.ScoringException;
import org.nightjar.models.anomaly.SearchSpace;
import org.nightjar.models.anomaly.SurveyNeighbours;
import org.nightjar.models.anomaly.SurveyReferences;
import org.nightjar.models.autoencoder.AutoencoderModel;
import org.nightjar.models.autoencoder.EmbeddingScorer;
import org.nightjar.models.autoencoder.StampDescriptors;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.index.IndexKind;
import org.nightjar.models.preprocess.SortedQuantile;
import org.nightjar.models.training.BundleHoldout;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.Survey;

/**
 * Chooses the weight of the stamp descriptors in the search space on training alerts only: the
 * training objects of a survey are split into folds by a hash of the object id; each fold in turn
 * is scored against the other folds' real alerts, together with an {@link InjectedAnomaly} copy
 * of each of its alerts of every kind, and a weight is judged by the share of injected copies
 * that score above the 99th percentile of the fold's real alerts. The held-out alerts of the
 * bundle are never read, so the held-out figures of {@code evaluate anomaly} stay honest.
 *
 * <p>A larger weight always favours the injected kinds, which the descriptors were made for, over
 * what only the latent vector tells; so the choice is the smallest weight within {@link
 * #PLATEAU} of the best share, not the best share itself.
 */
public final class DescriptorWeightValidation {

  /** How far below the best share a weight may be and still be chosen. */
  public static final double PLATEAU = 0.01;
  private static final int BATCH = 256;
  private static final int K = 5;
  /** Real alerts a fold needs for its 99th percentile to mean something. */
  private static final int MIN_REAL_PER_FOLD = 100;

  /** One survey's figures for one weight. */
  public record Row(double weight, int copies, double aboveP99, Map<InjectedAnomaly, Double> aboveP99ByKind) {}

  /**
   * One survey's rows, in the order of the weights tried, and the weight chosen from them; no rows
   * and a NaN weight when the survey has too few training alerts to judge.
   */
  public record SurveyResult(Survey survey, int realAlerts, List<Row> rows, double chosenWeight) {}

  private record Embedded(String objectId, Optional<InjectedAnomaly> kind, float[] latent, double[] descriptors) {}

  private DescriptorWeightValidation() {}

  public static List<SurveyResult> run(ModelBundle bundle, List<Path> files, double[] weights, int folds,
      IntConsumer progress) throws BundleException, IOException, ScoringException {
    Map<Survey, List<Embedded>> bySurvey = embedTrainingAlerts(bundle, files, progress);
    List<SurveyResult> out = new ArrayList<>();
    for (Map.Entry<Survey, List<Embedded>> e : bySurvey.entrySet()) {
      List<Embedded> all = e.getValue();
      List<Embedded> real = all.stream().filter(x -> x.kind().isEmpty()).toList();
      if (real.size() < folds * MIN_REAL_PER_FOLD) {
        out.add(new SurveyResult(e.getKey(), real.size(), List.of(), Double.NaN));
        continue;
      }
      int latent = real.get(0).latent().length;
      List<Row> rows = new ArrayList<>();
      for (double w : weights) {
        SearchSpace space = w > 0
            ? SearchSpace.fit(latent, StampDescriptors.NAMES, real.stream().map(Embedded::descriptors).toList(), w)
            : SearchSpace.latentOnly(latent);
        rows.add(row(e.getKey(), space, w, all, folds));
      }
      out.add(new SurveyResult(e.getKey(), real.size(), rows, choose(rows)));
    }
    return out;
  }

  /** The smallest weight whose share is within {@link #PLATEAU} of the best. */
  static double choose(List<Row> rows) {
    double best = rows.stream().mapToDouble(Row::aboveP99).max().orElse(0);
    return rows.stream().filter(r -> r.aboveP99() >= best - PLATEAU).mapToDouble(Row::weight).min().orElse(0);
  }

  private static Row row(Survey survey, SearchSpace space, double weight, List<Embedded> all, int folds) {
    Map<InjectedAnomaly, int[]> counts = new EnumMap<>(InjectedAnomaly.class);
    for (int fold = 0; fold < folds; fold++) {
      List<Embedded> refs = new ArrayList<>();
      List<Embedded> validation = new ArrayList<>();
      for (Embedded x : all) {
        boolean inFold = Math.floorMod(x.objectId().hashCode(), folds) == fold;
        if (inFold) {
          validation.add(x);
        } else if (x.kind().isEmpty()) {
          refs.add(x);
        }
      }
      float[][] vectors = refs.stream().map(x -> space.vector(x.latent(), x.descriptors())).toArray(float[][]::new);
      SurveyReferences references = new SurveyReferences(survey, vectors,
          LongStream.range(0, vectors.length).toArray(), refs.stream().map(Embedded::objectId).toArray(String[]::new));
      SurveyNeighbours neighbours = new SurveyNeighbours(references, IndexKind.EXACT.build(vectors));
      float[][] queries = validation.stream().map(x -> space.vector(x.latent(), x.descriptors())).toArray(float[][]::new);
      // Ids no reference has: a validation alert is never its own reference anyway.
      SurveyNeighbours.Nearest[] nearest = neighbours.nearest(queries, LongStream.range(0, queries.length).map(i -> -1 - i).toArray(), K);
      double[] realScores = new double[validation.size()];
      int n = 0;
      for (int i = 0; i < validation.size(); i++) {
        if (validation.get(i).kind().isEmpty()) {
          realScores[n++] = nearest[i].score();
        }
      }
      double[] sorted = Arrays.copyOf(realScores, n);
      Arrays.sort(sorted);
      double p99 = SortedQuantile.of(sorted, 0.99);
      for (int i = 0; i < validation.size(); i++) {
        Optional<InjectedAnomaly> kind = validation.get(i).kind();
        if (kind.isPresent()) {
          int[] c = counts.computeIfAbsent(kind.get(), k -> new int[2]);
          c[0] += nearest[i].score() > p99 ? 1 : 0;
          c[1]++;
        }
      }
    }
    int above = counts.values().stream().mapToInt(c -> c[0]).sum();
    int copies = counts.values().stream().mapToInt(c -> c[1]).sum();
    Map<InjectedAnomaly, Double> byKind = new EnumMap<>(InjectedAnomaly.class);
    counts.forEach((k, c) -> byKind.put(k, c[0] / (double) c[1]));
    return new Row(weight, copies, copies == 0 ? 0 : above / (double) copies, byKind);
  }

  /** The embedding and descriptors of every training alert and of its damaged copies, by survey. */
  private static Map<Survey, List<Embedded>> embedTrainingAlerts(ModelBundle bundle, List<Path> files,
      IntConsumer progress) throws BundleException, IOException, ScoringException {
    BundleHoldout holdout = BundleHoldout.of(bundle.manifest());
    AlertCodec codec = AlertCodec.withDefaults();
    Map<Survey, List<Embedded>> out = new EnumMap<>(Survey.class);
    try (EmbeddingScorer embed = new EmbeddingScorer(AutoencoderModel.load(bundle))) {
      List<ScoringContext> batch = new ArrayList<>();
      List<Optional<InjectedAnomaly>> kinds = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Alert alert;
        try {
          alert = codec.decode(AlertFiles.read(files.get(i)));
          if (holdout.isHeldOut(alert)) {
            continue;
          }
          Map<InjectedAnomaly, Alert> copies = new EnumMap<>(InjectedAnomaly.class);
          for (InjectedAnomaly kind : InjectedAnomaly.values()) {
            kind.apply(alert).ifPresent(copy -> copies.put(kind, copy));
          }
          batch.add(new ScoringContext(alert));
          kinds.add(Optional.empty());
          copies.forEach((kind, copy) -> {
            batch.add(new ScoringContext(copy));
            kinds.add(Optional.of(kind));
          });
        } catch (AlertDecodeException e) {
          continue; // unreadable packets and stamps take no part
        }
        if (batch.size() >= BATCH) {
          flush(embed, batch, kinds, out);
          progress.accept(i + 1);
        }
      }
      flush(embed, batch, kinds, out);
      progress.accept(files.size());
    }
    return out;
  }

  private static void flush(EmbeddingScorer embed, List<ScoringContext> batch, List<Optional<InjectedAnomaly>> kinds,
      Map<Survey, List<Embedded>> out) throws ScoringException {
    if (batch.isEmpty()) {
      return;
    }
    embed.score(batch);
    for (int i = 0; i < batch.size(); i++) {
      ScoringContext c = batch.get(i);
      if (!c.isRejected() && c.embedding().isPresent()) {
        out.computeIfAbsent(c.alert().survey(), s -> new ArrayList<>())
            .add(new Embedded(c.alert().objectId(), kinds.get(i), c.embedding().get(), c.descriptors()));
      }
    }
    batch.clear();
    kinds.clear();
  }
}
