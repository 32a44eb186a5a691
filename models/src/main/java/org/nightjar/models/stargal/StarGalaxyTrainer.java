package org.nightjar.models.stargal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.nightjar.models.xd.GaussianMixture;
import org.nightjar.models.xd.NoisyData;
import org.nightjar.models.xd.StarGalaxyConstraints;
import org.nightjar.models.xd.ValidatedXdFitter;
import org.nightjar.models.xd.XdFitOptions;
import org.nightjar.models.xd.XdPrior;
import org.nightjar.models.xd.XdValidatedFitResult;
import org.nightjar.schemas.Survey;

/**
 * Fits a star/galaxy XD prior on unlabelled alerts, in the manner of Fadely's SDSS demo: the first
 * K/2 components are stars, pinned at 0 (and axis-aligned) in the features where point sources
 * sit at 0; the rest are free galaxy components. Training alerts are split by object into a fitting
 * and a validation part; the fit keeps the parameters with the best validation likelihood and stops
 * when it has not improved for {@code patience} updates.
 *
 * <p>Before fitting, the point-source value of each pinned feature (template concentration,
 * sharpnr; for Rubin also the ln trace ratio and science concentration) is estimated from the training alerts with {@link PointSourceLocus} and subtracted, so
 * stars sit at 0.
 *
 * <p>Initialisation (seeded): star means 0 in the pinned features and the values of random
 * fitting alerts elsewhere; galaxy means the values of random fitting alerts from the upper
 * quartile of the primary feature (the extended tail); all covariances start as the per-feature
 * variance of the measured values, the star components' times {@code starVarianceScale} (1 for
 * ZTF; 0.1 for Rubin, where with about a hundred noisy training alerts equal starting widths let
 * the fit stop at once with stars and galaxies told apart only by the sign of the feature).
 *
 * <p>Immutable and thread-safe: each call owns its fit.
 */
public record StarGalaxyTrainer(int components, long seed, double validationFraction, double regularization,
    int maxUpdates, int patience, double starThreshold, int threads, double starVarianceScale) {

  public StarGalaxyTrainer {
    if (components < 2 || !(validationFraction > 0 && validationFraction < 1) || maxUpdates < 1 || patience < 1
        || threads < 1 || !(regularization >= 0) || !(starVarianceScale > 0 && starVarianceScale <= 1)) {
      throw new IllegalArgumentException("invalid training settings");
    }
  }

  /** A trainer whose star components start as broad as the galaxy ones (the ZTF form). */
  public StarGalaxyTrainer(int components, long seed, double validationFraction, double regularization,
      int maxUpdates, int patience, double starThreshold, int threads) {
    this(components, seed, validationFraction, regularization, maxUpdates, patience, starThreshold, threads, 1.0);
  }

  /** K = 8, 20% of training objects for validation, w = 1e-4, up to 500 updates, patience 20, threshold 0.9. */
  public static StarGalaxyTrainer defaults(long seed) {
    return new StarGalaxyTrainer(8, seed, 0.2, 1e-4, 500, 20, 0.9, 2);
  }

  /** One training alert: its object, id and features (point-source value not yet subtracted). */
  public record Sample(String objectId, long alertId, StarGalaxyFeatureSet.Vector vector) {}

  /** What the fit did, for progress output and the model's provenance. */
  public record Fitted(StarGalaxyModel model, XdValidatedFitResult fit, int fitAlerts, int validationAlerts,
      FeatureSettings settings) {}

  /**
   * Fits the prior.
   *
   * @param rawFeatures the feature set whose point-source concentration is still to be estimated
   * @param samples training alerts only (none from held-out objects)
   */
  public Fitted train(StarGalaxyFeatureSet rawFeatures, List<Sample> samples, HoldoutSplit holdout,
      List<Long> heldOutAlertIds, Map<String, String> provenance, ValidatedXdFitter.UpdateListener listener) {
    return train(Survey.ZTF, rawFeatures, samples, holdout, heldOutAlertIds, provenance, listener);
  }

  /**
   * Fits the prior of one survey's alerts.
   *
   * @param survey the survey whose alerts {@code samples} are and the model will score
   * @param rawFeatures the feature set whose point-source values are still to be estimated
   * @param samples training alerts only (none from held-out objects)
   */
  public Fitted train(Survey survey, StarGalaxyFeatureSet rawFeatures, List<Sample> samples, HoldoutSplit holdout,
      List<Long> heldOutAlertIds, Map<String, String> provenance, ValidatedXdFitter.UpdateListener listener) {
    int d = rawFeatures.dimension();
    // Point-source values of the pinned features, on top of those the raw set already subtracts.
    double[] locus = new double[d];
    for (int a : rawFeatures.pinnedDimensions()) {
      final int dim = a;
      locus[a] = PointSourceLocus.halfSampleMode(samples.stream().filter(s -> s.vector().measured()[dim])
          .mapToDouble(s -> s.vector().x()[dim]).toArray());
    }
    StarGalaxyFeatureSet features = rawFeatures;
    for (int a : rawFeatures.pinnedDimensions()) {
      MorphologyFeature f = rawFeatures.features().get(a);
      features = features.withPointSource(f, rawFeatures.settings().pointSourceValue(f) + locus[a]);
    }
    List<Sample> shifted = new ArrayList<>();
    for (Sample s : samples) {
      double[] x = s.vector().x();
      boolean[] measured = s.vector().measured();
      for (int a = 0; a < d; a++) {
        if (measured[a]) {
          x[a] -= locus[a];
        }
      }
      shifted.add(new Sample(s.objectId(), s.alertId(), new StarGalaxyFeatureSet.Vector(x, s.vector().sigma(), measured)));
    }
    List<Sample> fitPart = new ArrayList<>();
    List<Sample> validPart = new ArrayList<>();
    splitByObject(shifted, fitPart, validPart);
    if (fitPart.size() < 2 * components || validPart.isEmpty()) {
      throw new IllegalArgumentException("too few training alerts (" + samples.size() + ") for K=" + components);
    }
    StarGalaxyConstraints constraints = StarGalaxyConstraints.firstHalfStars(components, features.pinnedDimensions());
    GaussianMixture initial = constraints.constrain(initialMixture(fitPart, d, features.pinnedDimensions()));
    XdFitOptions options = constraints.applyTo(XdFitOptions.builder()
        .optRegularization(regularization).optMaxUpdates(maxUpdates).optTolerance(Double.NEGATIVE_INFINITY)
        .optThreads(threads)).build();
    ValidatedXdFitter fitter = new ValidatedXdFitter(options, 1, patience);
    XdValidatedFitResult fit = fitter.fit(new ValidatedXdFitter.Split(toData(fitPart, d), toData(validPart, d)),
        initial, listener);
    XdPrior prior = new XdPrior(fit.best(), constraints.starComponents(), features.definitions());
    Map<String, String> facts = new LinkedHashMap<>(provenance);
    facts.put("components", Integer.toString(components));
    facts.put("seed", Long.toString(seed));
    facts.put("fit_alerts", Integer.toString(fitPart.size()));
    facts.put("validation_alerts", Integer.toString(validPart.size()));
    facts.put("validation_split", "random " + validationFraction + " of training objects, seed " + seed);
    facts.put("regularization", Double.toString(regularization));
    if (starVarianceScale != 1.0) {
      facts.put("star_initial_variance_scale", Double.toString(starVarianceScale));
    }
    facts.put("best_updates", Integer.toString(fit.bestUpdates()));
    facts.put("updates_run", Integer.toString(fit.updatesRun()));
    facts.put("best_validation_log_likelihood", Double.toString(fit.bestValidationLogLikelihood()));
    StarGalaxyModel model = new StarGalaxyModel(features, prior, starThreshold, holdout, heldOutAlertIds, facts, survey);
    return new Fitted(model, fit, fitPart.size(), validPart.size(), features.settings());
  }

  private void splitByObject(List<Sample> samples, List<Sample> fitPart, List<Sample> validPart) {
    List<String> objects = new ArrayList<>(new TreeSet<>(samples.stream().map(Sample::objectId).toList()));
    java.util.Collections.shuffle(objects, new Random(seed));
    int nValid = Math.max(1, (int) Math.round(objects.size() * validationFraction));
    var validObjects = new java.util.HashSet<>(objects.subList(0, nValid));
    for (Sample s : samples) {
      (validObjects.contains(s.objectId()) ? validPart : fitPart).add(s);
    }
  }

  private GaussianMixture initialMixture(List<Sample> fit, int d, int[] pinned) {
    Random rnd = new Random(seed + 1);
    double[] variance = new double[d];
    for (int a = 0; a < d; a++) {
      final int dim = a;
      double[] v = fit.stream().filter(s -> s.vector().measured()[dim]).mapToDouble(s -> s.vector().x()[dim]).toArray();
      double mean = Arrays.stream(v).average().orElse(0.0);
      variance[a] = v.length < 2 ? 1.0 : Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
    }
    double[] primary = fit.stream().mapToDouble(s -> s.vector().x()[0]).sorted().toArray();
    double upperQuartile = primary[(int) (0.75 * (primary.length - 1))];
    List<Sample> tail = fit.stream().filter(s -> s.vector().x()[0] >= upperQuartile).toList();
    int stars = Math.max(1, components / 2);
    double[] alpha = new double[components];
    double[][] mean = new double[components][];
    double[][][] cov = new double[components][d][d];
    for (int j = 0; j < components; j++) {
      alpha[j] = 1.0 / components;
      List<Sample> pool = j < stars ? fit : tail;
      mean[j] = pool.get(rnd.nextInt(pool.size())).vector().x();
      for (int a = 0; a < d; a++) {
        cov[j][a][a] = j < stars ? variance[a] * starVarianceScale : variance[a];
      }
    }
    for (int j = 0; j < stars; j++) {
      for (int a : pinned) {
        mean[j][a] = 0.0;
      }
    }
    return GaussianMixture.of(alpha, mean, cov);
  }

  private static NoisyData toData(List<Sample> samples, int d) {
    double[] x = new double[samples.size() * d];
    double[] s = new double[samples.size() * d * d];
    for (int i = 0; i < samples.size(); i++) {
      double[] xi = samples.get(i).vector().x();
      double[] si = samples.get(i).vector().sigma();
      for (int a = 0; a < d; a++) {
        x[i * d + a] = xi[a];
        s[(i * d + a) * d + a] = si[a] * si[a];
      }
    }
    return NoisyData.of(d, x, s);
  }
}
