package org.nightjar.models.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nightjar.models.preprocess.SortedQuantile;
import org.nightjar.models.xd.RocAuc;
import org.nightjar.schemas.Survey;

/**
 * Held-out figures of the anomaly and artifact stages: the artifact ROC AUC against the survey's
 * weak label with a bootstrap interval, how uniform the held-out alerts' percentiles are, and
 * where the injected anomalies rank among the held-out real alerts.
 */
public final class LatentEvaluation {

  /** Artifact probability against the weak label on one survey's held-out alerts. */
  public record ArtifactAuc(Survey survey, int alerts, int artifacts, double auc, double low, double high,
      double reconstructionErrorAuc) {}

  /** Percentiles of one survey's held-out real alerts. */
  public record Calibration(Survey survey, int alerts, int[] deciles, double ksDistance, double above99, double above995) {}

  /**
   * One kind of injected anomaly: how many copies, their median percentile, and the share whose
   * anomaly score (and, for comparison, reconstruction error) lies above the 99th percentile of
   * the held-out real alerts' values.
   */
  public record Injection(String kind, int copies, double medianPercentile, double scoreAboveRealP99,
      double reconstructionAboveRealP99) {}

  private static final int BOOTSTRAP_ROUNDS = 2000;

  private final HeldOutScoring.Result result;
  private final long seed;

  public LatentEvaluation(HeldOutScoring.Result result, long seed) {
    this.result = result;
    this.seed = seed;
  }

  /**
   * One survey's held-out real alerts that have both a weak label and an artifact probability:
   * the label, the probability and the reconstruction error (0 where missing), in the same order.
   */
  record Labelled(Survey survey, boolean[] artifact, double[] probability, double[] reconstructionError) {
    int artifacts() {
      int pos = 0;
      for (boolean b : artifact) {
        pos += b ? 1 : 0;
      }
      return pos;
    }
  }

  /** Per survey with held-out real alerts, those with a weak label and an artifact probability. */
  List<Labelled> labelled() {
    List<Labelled> out = new ArrayList<>();
    for (Map.Entry<Survey, List<ScoredAlert>> e : realBySurvey().entrySet()) {
      List<ScoredAlert> labelled = e.getValue().stream()
          .filter(a -> a.artifact().isPresent() && a.artifactProbability().isPresent()).toList();
      boolean[] y = new boolean[labelled.size()];
      double[] p = new double[y.length];
      double[] r = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = labelled.get(i).artifact().get();
        p[i] = labelled.get(i).artifactProbability().get();
        r[i] = labelled.get(i).reconstructionError().orElse(0.0);
      }
      out.add(new Labelled(e.getKey(), y, p, r));
    }
    return out;
  }

  /** Surveys whose labelled held-out alerts hold both classes; the others are left out. */
  public List<ArtifactAuc> artifactAucs() {
    List<ArtifactAuc> out = new ArrayList<>();
    for (Labelled l : labelled()) {
      int pos = l.artifacts();
      if (pos == 0 || pos == l.artifact().length) {
        continue;
      }
      double[] ci = RocAuc.bootstrapInterval(l.probability(), l.artifact(), BOOTSTRAP_ROUNDS, seed);
      out.add(new ArtifactAuc(l.survey(), l.artifact().length, pos, RocAuc.of(l.probability(), l.artifact()), ci[0],
          ci[1], RocAuc.of(l.reconstructionError(), l.artifact())));
    }
    return out;
  }

  public List<Calibration> calibration() {
    List<Calibration> out = new ArrayList<>();
    for (Map.Entry<Survey, List<ScoredAlert>> e : realBySurvey().entrySet()) {
      double[] p = e.getValue().stream().flatMap(a -> a.percentile().stream()).mapToDouble(Double::doubleValue).sorted().toArray();
      if (p.length == 0) {
        continue;
      }
      int[] deciles = new int[10];
      for (double v : p) {
        deciles[Math.min(9, (int) (v / 10))]++;
      }
      double ks = 0;
      for (int i = 0; i < p.length; i++) {
        double u = p[i] / 100;
        ks = Math.max(ks, Math.max(Math.abs((i + 1.0) / p.length - u), Math.abs(u - (double) i / p.length)));
      }
      double above99 = java.util.Arrays.stream(p).filter(v -> v > 99).count() / (double) p.length;
      double above995 = java.util.Arrays.stream(p).filter(v -> v > 99.5).count() / (double) p.length;
      out.add(new Calibration(e.getKey(), p.length, deciles, ks, above99, above995));
    }
    return out;
  }

  /** Per kind of damage, then "all" over every kind. */
  public List<Injection> injections() {
    double scoreP99 = quantile(result.real().stream().flatMap(a -> a.anomalyScore().stream()).mapToDouble(d -> d).toArray(), 0.99);
    double reconP99 = quantile(result.real().stream().flatMap(a -> a.reconstructionError().stream()).mapToDouble(d -> d).toArray(), 0.99);
    Map<InjectedAnomaly, List<ScoredAlert>> byKind = new EnumMap<>(InjectedAnomaly.class);
    result.injected().forEach(a -> byKind.computeIfAbsent(a.injected().get(), k -> new ArrayList<>()).add(a));
    List<Injection> out = new ArrayList<>();
    byKind.forEach((kind, list) -> out.add(injection(kind.name().toLowerCase(Locale.ROOT), list, scoreP99, reconP99)));
    if (!result.injected().isEmpty()) {
      out.add(injection("all", result.injected(), scoreP99, reconP99));
    }
    return out;
  }

  private static Injection injection(String kind, List<ScoredAlert> list, double scoreP99, double reconP99) {
    double[] pct = list.stream().flatMap(a -> a.percentile().stream()).mapToDouble(d -> d).toArray();
    double score = list.stream().filter(a -> a.anomalyScore().orElse(Double.NEGATIVE_INFINITY) > scoreP99).count() / (double) list.size();
    double recon = list.stream().filter(a -> a.reconstructionError().orElse(Double.NEGATIVE_INFINITY) > reconP99).count() / (double) list.size();
    return new Injection(kind, list.size(), quantile(pct, 0.5), score, recon);
  }

  /** The 99th percentile of the held-out real alerts' anomaly scores. */
  public Optional<Double> realScoreP99() {
    double[] s = result.real().stream().flatMap(a -> a.anomalyScore().stream()).mapToDouble(d -> d).toArray();
    return s.length == 0 ? Optional.empty() : Optional.of(quantile(s, 0.99));
  }

  private Map<Survey, List<ScoredAlert>> realBySurvey() {
    Map<Survey, List<ScoredAlert>> m = new EnumMap<>(Survey.class);
    result.real().forEach(a -> m.computeIfAbsent(a.survey(), s -> new ArrayList<>()).add(a));
    return m;
  }

  /** Linear-interpolation quantile; NaN for no values. */
  static double quantile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    java.util.Arrays.sort(s);
    return SortedQuantile.of(s, q);
  }

  public HeldOutScoring.Result result() {
    return result;
  }
}
