package org.nightjar.models.training;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nightjar.models.anomaly.AnomalyCalibration;
import org.nightjar.models.anomaly.AnomalyScorer;
import org.nightjar.models.anomaly.ReferenceSet;
import org.nightjar.models.anomaly.SearchSpace;
import org.nightjar.models.autoencoder.StampDescriptors;
import org.nightjar.models.anomaly.SurveyNeighbours;
import org.nightjar.models.anomaly.SurveyReferences;
import org.nightjar.models.artifact.ArtifactFeatures;
import org.nightjar.models.artifact.ArtifactModel;
import org.nightjar.models.artifact.ArtifactModels;
import org.nightjar.models.artifact.ClusterFitter;
import org.nightjar.models.artifact.LatentClusters;
import org.nightjar.models.artifact.LogisticRegression;
import org.nightjar.models.artifact.NeighbourLabels;
import org.nightjar.models.artifact.WeakLabel;
import org.nightjar.models.index.IndexKind;
import org.nightjar.schemas.Survey;

/**
 * The latent steps of the bundle training chain, on embedded alerts: the reference set (every
 * alert not held out, per survey), its anomaly calibration, the clusters and the artifact
 * regression. Held-out alerts never enter any of them. Each step returns the facts the manifest
 * records about it.
 */
public final class LatentTrainer {

  /** Fewest labelled artifacts (and real alerts) worth a regression. */
  private static final int MIN_PER_CLASS = 5;
  /** Penalties of the artifact regression tried, chosen by cross-validation on the training alerts. */
  public static final double[] L2_CHOICES = {0.1, 1.0, 10.0, 100.0};
  /** Folds of that cross-validation, by object. */
  private static final int FOLDS = 5;

  private final int k;
  private final long seed;
  private final double descriptorWeight;

  /**
   * @param descriptorWeight weight of the standardised stamp descriptors in the search space (0:
   *     the latent vector alone)
   */
  public LatentTrainer(int k, long seed, double descriptorWeight) {
    this.k = k;
    this.seed = seed;
    this.descriptorWeight = descriptorWeight;
  }

  /**
   * The reference set: per survey, every sample that is not held out, in input order, in a
   * search space whose descriptor scales come from all those samples.
   */
  public ReferenceSet references(List<LatentSample> samples, int latentDimension, String autoencoderSha256) {
    Map<Survey, List<LatentSample>> bySurvey = training(samples);
    List<double[]> descriptors = bySurvey.values().stream().flatMap(List::stream).map(LatentSample::descriptors).toList();
    SearchSpace space = descriptorWeight > 0 && !descriptors.isEmpty() && descriptors.get(0).length > 0
        ? SearchSpace.fit(latentDimension, StampDescriptors.NAMES, descriptors, descriptorWeight)
        : SearchSpace.latentOnly(latentDimension);
    Map<Survey, SurveyReferences> refs = new EnumMap<>(Survey.class);
    bySurvey.forEach((survey, list) -> refs.put(survey, new SurveyReferences(survey,
        list.stream().map(x -> space.vector(x.vector(), x.descriptors())).toArray(float[][]::new),
        list.stream().mapToLong(LatentSample::alertId).toArray(),
        list.stream().map(LatentSample::objectId).toArray(String[]::new))));
    return new ReferenceSet(space, autoencoderSha256, refs);
  }

  /** Leave-one-object-out score tables of every survey of the reference set. */
  public AnomalyCalibration calibration(ReferenceSet references) {
    Map<Survey, AnomalyCalibration.Table> tables = new EnumMap<>(Survey.class);
    references.surveys().forEach((survey, refs) ->
        tables.put(survey, AnomalyCalibration.Table.of(k, neighbours(refs).leaveOneObjectOutScores(k))));
    return new AnomalyCalibration(tables);
  }

  /** What the manifest says of the reference set and calibration. */
  public Map<String, Object> indexFacts(ReferenceSet references, AnomalyCalibration calibration, BundleHoldout holdout) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("heldOutRule", holdout.describe());
    facts.put("k", k);
    facts.put("searchSpace", references.space().descriptors().isEmpty() ? "latent vector"
        : "latent vector + " + references.space().descriptors() + " as normal scores of their training distribution x "
            + references.space().weight());
    facts.put("calibration", AnomalyCalibration.METHOD);
    references.surveys().forEach((survey, refs) -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("references", refs.size());
      s.put("objects", java.util.Arrays.stream(refs.objectIds()).distinct().count());
      AnomalyCalibration.Table t = calibration.of(survey).orElseThrow();
      s.put("calibrationScores", t.size());
      s.put("scoreMedian", t.quantile(0.5));
      s.put("scoreP99", t.quantile(0.99));
      facts.put(survey.name(), s);
    });
    return facts;
  }

  /** The trained artifact models with, per survey, what the manifest records of them. */
  public record ArtifactTraining(ArtifactModels models, Map<Survey, Map<String, Object>> facts) {}

  /**
   * Clusters every survey's references and, where the survey has enough weakly labelled
   * references of both classes, fits the artifact regression on them, to 1 minus the survey's
   * real/bogus score as a soft target. The kNN score and the
   * neighbours' bogusness of a reference come from its leave-one-object-out neighbours, as a new
   * alert's would.
   */
  public ArtifactTraining artifact(List<LatentSample> samples, ReferenceSet references) {
    Map<Survey, List<LatentSample>> bySurvey = training(samples);
    Map<Survey, ArtifactModel> models = new EnumMap<>(Survey.class);
    Map<Survey, Map<String, Object>> facts = new EnumMap<>(Survey.class);
    for (Map.Entry<Survey, SurveyReferences> e : references.surveys().entrySet()) {
      Survey survey = e.getKey();
      SurveyReferences refs = e.getValue();
      Map<Long, LatentSample> byId = new LinkedHashMap<>();
      bySurvey.getOrDefault(survey, List.of()).forEach(s -> byId.put(s.alertId(), s));
      LatentClusters clusters = ClusterFitter.standard(seed).fit(refs.vectors());
      SearchSpace space = references.space();
      SurveyNeighbours.Nearest[] nearest = neighbours(refs).leaveOneObjectOut(Math.max(k, AnomalyScorer.NEIGHBOURHOOD));
      Map<Long, Double> bogusnessById = new java.util.HashMap<>();
      byId.forEach((id, s) -> s.artifact().ifPresent(label -> bogusnessById.put(id, softTarget(s))));
      double baseRate = bogusnessById.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
      NeighbourLabels neighbourLabels = new NeighbourLabels(bogusnessById, baseRate);
      List<double[]> x = new ArrayList<>();
      List<Boolean> y = new ArrayList<>();
      List<Double> soft = new ArrayList<>();
      List<String> objects = new ArrayList<>();
      for (int i = 0; i < refs.size(); i++) {
        LatentSample s = byId.get(refs.alertIds()[i]);
        if (s == null || s.artifact().isEmpty()) {
          continue;
        }
        LatentClusters.Assignment a = clusters.assign(space.vector(s.vector(), s.descriptors()));
        long[] neighbourIds = java.util.Arrays.stream(nearest[i].rows()).mapToLong(row -> refs.alertIds()[row]).toArray();
        x.add(ArtifactFeatures.of(s.reconstructionError(), a, nearest[i].first(k).score(),
            neighbourLabels.bogusness(neighbourIds, nearest[i].distances()), s.descriptors(),
            s.differenceStatistics(), clusters.k()));
        y.add(s.artifact().get());
        soft.add(softTarget(s));
        objects.add(s.objectId());
      }
      long positives = y.stream().filter(b -> b).count();
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("k", clusters.k());
      f.put("sizes", java.util.Arrays.stream(clusters.sizes()).boxed().toList());
      f.put("silhouettes", new java.util.TreeMap<>(clusters.silhouettes()));
      String label = WeakLabel.of(survey).map(WeakLabel::describe).orElse("none");
      f.put("label", label);
      f.put("labelledReferences", x.size());
      f.put("artifacts", positives);
      Optional<LogisticRegression> regression = Optional.empty();
      if (positives >= MIN_PER_CLASS && x.size() - positives >= MIN_PER_CLASS) {
        double[][] features = x.toArray(double[][]::new);
        double[] targets = soft.stream().mapToDouble(Double::doubleValue).toArray();
        Map<Double, Double> logLoss = new java.util.TreeMap<>();
        double best = L2_CHOICES[0];
        for (double l2 : L2_CHOICES) {
          logLoss.put(l2, crossValidatedLogLoss(features, targets, objects, l2));
          if (logLoss.get(l2) < logLoss.get(best)) {
            best = l2;
          }
        }
        regression = Optional.of(LogisticRegression.fit(features, targets, best));
        f.put("l2", best);
        f.put("l2CrossValidatedLogLoss", logLoss);
        f.put("target", "1 - the survey's real/bogus score (soft), artifacts counted by " + label);
      } else {
        f.put("regression", "none: fewer than " + MIN_PER_CLASS + " labelled references of a class");
      }
      models.put(survey, new ArtifactModel(clusters, regression, label, neighbourLabels));
      facts.put(survey, f);
    }
    return new ArtifactTraining(new ArtifactModels(models), facts);
  }

  /**
   * The survey's score itself (1 - drb), not only its side of 0.5: a drb of 0.45 and one of 0.01
   * are not the same evidence.
   */
  private static double softTarget(LatentSample s) {
    return Double.isFinite(s.bogusness()) ? s.bogusness() : (s.artifact().orElse(false) ? 1.0 : 0.0);
  }

  /** Mean cross-entropy to the soft targets over folds that keep each object's alerts together. */
  private static double crossValidatedLogLoss(double[][] x, double[] y, List<String> objects, double l2) {
    double loss = 0;
    for (int fold = 0; fold < FOLDS; fold++) {
      List<double[]> trainX = new ArrayList<>();
      List<Double> trainY = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (Math.floorMod(objects.get(i).hashCode(), FOLDS) == fold) {
          test.add(i);
        } else {
          trainX.add(x[i]);
          trainY.add(y[i]);
        }
      }
      double[] targets = trainY.stream().mapToDouble(Double::doubleValue).toArray();
      LogisticRegression m = LogisticRegression.fit(trainX.toArray(double[][]::new), targets, l2);
      for (int i : test) {
        double p = Math.min(1 - 1e-9, Math.max(1e-9, m.probability(x[i])));
        loss -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
      }
    }
    return loss / x.length;
  }

  private static SurveyNeighbours neighbours(SurveyReferences refs) {
    return new SurveyNeighbours(refs, IndexKind.EXACT.build(refs.vectors()));
  }

  private static Map<Survey, List<LatentSample>> training(List<LatentSample> samples) {
    Map<Survey, List<LatentSample>> bySurvey = new EnumMap<>(Survey.class);
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (LatentSample s : samples) {
      if (!s.heldOut() && seen.add(s.alertId())) {
        bySurvey.computeIfAbsent(s.survey(), x -> new ArrayList<>()).add(s);
      }
    }
    return bySurvey;
  }
}
