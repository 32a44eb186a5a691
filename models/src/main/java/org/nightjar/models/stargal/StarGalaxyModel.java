package org.nightjar.models.stargal;

import java.util.List;
import java.util.Map;
import org.nightjar.models.xd.XdPosterior;
import org.nightjar.models.xd.XdPrior;
import org.nightjar.schemas.Survey;

/**
 * A trained star/galaxy model of one survey (it scores only that survey's alerts): the feature set, the XD prior fitted on it, the P(star) threshold
 * for the STAR tag (GALAXY at or below 1 - threshold), the rule that held objects out of training
 * with the ids of the held-out alerts that were seen, and a few training facts for provenance.
 *
 * <p>Immutable and thread-safe.
 */
public record StarGalaxyModel(StarGalaxyFeatureSet features, XdPrior prior, double starThreshold,
    HoldoutSplit holdout, List<Long> heldOutAlertIds, Map<String, String> training, Survey survey) {

  public StarGalaxyModel {
    if (!(starThreshold > 0.5 && starThreshold <= 1.0)) {
      throw new IllegalArgumentException("star threshold must lie in (0.5, 1], got " + starThreshold);
    }
    if (prior.mixture().dimension() != features.dimension()) {
      throw new IllegalArgumentException("prior has " + prior.mixture().dimension() + " dimensions, features "
          + features.dimension());
    }
    List<String> names = prior.features().stream().map(f -> f.name()).toList();
    List<String> expected = features.features().stream().map(MorphologyFeature::featureName).toList();
    if (!names.equals(expected)) {
      throw new IllegalArgumentException("prior was fitted on " + names + ", feature set is " + expected);
    }
    heldOutAlertIds = List.copyOf(heldOutAlertIds);
    training = Map.copyOf(training);
    java.util.Objects.requireNonNull(survey, "survey");
  }

  /** A ZTF model (the form of bundles before Rubin had one). */
  public StarGalaxyModel(StarGalaxyFeatureSet features, XdPrior prior, double starThreshold, HoldoutSplit holdout,
      List<Long> heldOutAlertIds, Map<String, String> training) {
    this(features, prior, starThreshold, holdout, heldOutAlertIds, training, Survey.ZTF);
  }

  /** P(star) and the deconvolved (posterior mean) features of one alert. */
  public record Classification(double pStar, double[] posteriorMean) {
    public Classification {
      posteriorMean = posteriorMean.clone();
    }

    @Override
    public double[] posteriorMean() {
      return posteriorMean.clone();
    }
  }

  public Classification classify(StarGalaxyFeatureSet.Vector v) {
    XdPosterior post = prior.posterior(v.x(), v.covariance());
    return new Classification(prior.starProbability(post), post.mean());
  }

  /** Whether P(star) earns the STAR tag. */
  public boolean isStar(double pStar) {
    return pStar >= starThreshold;
  }

  /** Whether P(star) earns the GALAXY tag. */
  public boolean isGalaxy(double pStar) {
    return pStar <= 1.0 - starThreshold;
  }
}
