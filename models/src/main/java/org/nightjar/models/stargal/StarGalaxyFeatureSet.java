package org.nightjar.models.stargal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nightjar.models.xd.PriorFeature;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;

/**
 * The configured list of morphology features an XD star/galaxy prior works on. The first feature
 * is the primary one: an alert where it cannot be measured has no feature vector (it gets no
 * star/galaxy section), unless {@code anyFeatureSuffices} (Rubin, where the moments are often null
 * but the stamps are not): then one measured feature of any position suffices. A feature that
 * cannot be measured is kept as "missing": value 0 with a 1-sigma uncertainty of
 * {@code missingSigma}, so the deconvolution ignores it for that alert (its posterior there is the
 * prior's).
 *
 * <p>Immutable and thread-safe.
 */
public record StarGalaxyFeatureSet(List<MorphologyFeature> features, FeatureSettings settings, double missingSigma,
    boolean anyFeatureSuffices) {

  public StarGalaxyFeatureSet {
    features = List.copyOf(features);
    if (features.isEmpty() || features.stream().distinct().count() != features.size()) {
      throw new IllegalArgumentException("need at least one feature and no repeats, got " + features);
    }
    if (features.stream().noneMatch(MorphologyFeature::pinnedForStars)) {
      throw new IllegalArgumentException("need at least one feature where point sources sit at 0 (" + features + ")");
    }
    if (!(missingSigma > 0) || Double.isInfinite(missingSigma)) {
      throw new IllegalArgumentException("missingSigma must be finite and > 0, got " + missingSigma);
    }
  }

  /** A set whose primary feature must be measured (the ZTF form). */
  public StarGalaxyFeatureSet(List<MorphologyFeature> features, FeatureSettings settings, double missingSigma) {
    this(features, settings, missingSigma, false);
  }

  /**
   * Template concentration, sharpnr and ln chinr with ZTF settings and point-source values still 0
   * (training estimates them); missing features get sigma 10.
   */
  public static StarGalaxyFeatureSet ztfDefault() {
    return of(List.of(MorphologyFeature.TEMPLATE_CONCENTRATION, MorphologyFeature.SHARPNR, MorphologyFeature.LN_CHINR));
  }

  /** The given features with ZTF settings, point-source values 0, missing features at sigma 10. */
  public static StarGalaxyFeatureSet of(List<MorphologyFeature> features) {
    return new StarGalaxyFeatureSet(features, FeatureSettings.ztf(), 10.0);
  }

  /**
   * The Rubin set: the ln trace ratio (difference-image moments over the PSF's) with Rubin settings,
   * point-source value 0. Science and template concentration can be added ({@link #rubin}); on the
   * real Rubin alerts they lowered the agreement with extendedness (they describe the host, not the
   * difference-image source). Rubin's {@code extendedness} is deliberately not an input: it is the
   * label the prior is validated against.
   */
  public static StarGalaxyFeatureSet rubinDefault() {
    return rubin(List.of(MorphologyFeature.LN_TRACE_RATIO));
  }

  /** The given features with Rubin settings, point-source values 0, missing at sigma 10, any one enough. */
  public static StarGalaxyFeatureSet rubin(List<MorphologyFeature> features) {
    return new StarGalaxyFeatureSet(features, FeatureSettings.rubin(), 10.0, true);
  }

  /** The same features with other point-source values (see {@link FeatureSettings#withPointSource}). */
  public StarGalaxyFeatureSet withPointSource(double concentration, double sharpness) {
    return new StarGalaxyFeatureSet(features, settings.withPointSource(concentration, sharpness), missingSigma,
        anyFeatureSuffices);
  }

  /** The same features with one pinned feature's point-source value replaced. */
  public StarGalaxyFeatureSet withPointSource(MorphologyFeature feature, double value) {
    return new StarGalaxyFeatureSet(features, settings.withPointSource(feature, value), missingSigma, anyFeatureSuffices);
  }

  public int dimension() {
    return features.size();
  }

  /** Indices of the features where star components are pinned at 0. */
  public int[] pinnedDimensions() {
    List<Integer> dims = new ArrayList<>();
    for (int a = 0; a < features.size(); a++) {
      if (features.get(a).pinnedForStars()) {
        dims.add(a);
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Names and definitions, in vector order, as stored with the prior. */
  public List<PriorFeature> definitions() {
    return features.stream().map(f -> new PriorFeature(f.featureName(), f.definition(settings))).toList();
  }

  /** One alert's features: values, 1-sigma uncertainties, and which were actually measured. */
  public record Vector(double[] x, double[] sigma, boolean[] measured) {
    public Vector {
      x = x.clone();
      sigma = sigma.clone();
      measured = measured.clone();
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    @Override
    public double[] sigma() {
      return sigma.clone();
    }

    @Override
    public boolean[] measured() {
      return measured.clone();
    }

    /** The diagonal noise covariance. */
    public double[][] covariance() {
      double[][] s = new double[x.length][x.length];
      for (int a = 0; a < x.length; a++) {
        s[a][a] = sigma[a] * sigma[a];
      }
      return s;
    }
  }

  /**
   * The features of one alert; empty when the primary feature (or, with {@code anyFeatureSuffices},
   * every feature) cannot be measured.
   *
   * @throws AlertDecodeException when a stamp is corrupt
   */
  public Optional<Vector> extract(Alert alert) throws AlertDecodeException {
    int d = features.size();
    double[] x = new double[d];
    double[] sigma = new double[d];
    boolean[] measured = new boolean[d];
    boolean any = false;
    for (int a = 0; a < d; a++) {
      Optional<MorphologyFeature.Value> v = features.get(a).measure(alert, settings);
      if (v.isEmpty() && a == 0 && !anyFeatureSuffices) {
        return Optional.empty();
      }
      measured[a] = v.isPresent();
      any |= measured[a];
      x[a] = v.map(MorphologyFeature.Value::x).orElse(0.0);
      sigma[a] = v.map(MorphologyFeature.Value::sigma).orElse(missingSigma);
    }
    return any ? Optional.of(new Vector(x, sigma, measured)) : Optional.empty();
  }

  /** The measured features by name (missing ones left out), for the output record. */
  public Map<String, Double> named(Vector v) {
    Map<String, Double> out = new LinkedHashMap<>();
    boolean[] measured = v.measured();
    double[] x = v.x();
    for (int a = 0; a < features.size(); a++) {
      if (measured[a]) {
        out.put(features.get(a).featureName(), x[a]);
      }
    }
    return out;
  }
}
