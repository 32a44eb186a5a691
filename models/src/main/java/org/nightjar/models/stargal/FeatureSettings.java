package org.nightjar.models.stargal;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.nightjar.schemas.Alert;

/**
 * Constants of the morphology features: the stamp concentration measurement, the value a point
 * source gives in each feature that is pinned for stars (subtracted so that stars sit at 0), and how
 * close the nearest reference-image source must be for its catalogue morphology to describe the
 * alert's counterpart.
 *
 * <p>Immutable and thread-safe.
 *
 * @param concentration the aperture measurement on the stamps (TEMPLATE for ZTF; SCIENCE and TEMPLATE for Rubin)
 * @param pointSourceConcentration concentration of a point source on the template, in magnitudes (estimated at training)
 * @param pointSourceSharpness sharpnr of a point source (estimated at training; DAOPhot gives stars
 *     slightly negative values on ZTF references)
 * @param maxReferenceDistance largest {@code distnr} (arcsec) at which sharpnr/chinr are used
 * @param otherPointSources point-source values of the other pinned features (estimated at training;
 *     0 when absent)
 */
public record FeatureSettings(TemplateConcentration concentration, double pointSourceConcentration,
    double pointSourceSharpness, double maxReferenceDistance, Map<MorphologyFeature, Double> otherPointSources) {

  public FeatureSettings {
    if (concentration == null || !Double.isFinite(pointSourceConcentration) || !Double.isFinite(pointSourceSharpness)
        || !(maxReferenceDistance > 0)) {
      throw new IllegalArgumentException("need a concentration measurement, a finite point-source value and a positive distance");
    }
    EnumMap<MorphologyFeature, Double> copy = new EnumMap<>(MorphologyFeature.class);
    for (Map.Entry<MorphologyFeature, Double> e : otherPointSources.entrySet()) {
      if (e.getKey() == MorphologyFeature.TEMPLATE_CONCENTRATION || e.getKey() == MorphologyFeature.SHARPNR
          || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException("invalid extra point-source value " + e);
      }
      copy.put(e.getKey(), e.getValue());
    }
    otherPointSources = java.util.Collections.unmodifiableMap(copy);
  }

  /** Settings with no point-source values beyond the template concentration and sharpnr (the ZTF form). */
  public FeatureSettings(TemplateConcentration concentration, double pointSourceConcentration,
      double pointSourceSharpness, double maxReferenceDistance) {
    this(concentration, pointSourceConcentration, pointSourceSharpness, maxReferenceDistance, Map.of());
  }

  /** ZTF defaults with point-source values still 0 (to be estimated by training). */
  public static FeatureSettings ztf() {
    return new FeatureSettings(TemplateConcentration.ztfDefaults(), 0.0, 0.0, 1.0);
  }

  /** Rubin defaults (stamp measurement scaled to 0.2 arcsec pixels) with point-source values still 0. */
  public static FeatureSettings rubin() {
    return new FeatureSettings(TemplateConcentration.rubinDefaults(), 0.0, 0.0, 1.0);
  }

  /** The same settings with other template-concentration and sharpnr point-source values. */
  public FeatureSettings withPointSource(double concentrationValue, double sharpnessValue) {
    return new FeatureSettings(concentration, concentrationValue, sharpnessValue, maxReferenceDistance, otherPointSources);
  }

  /** The same settings with the point-source value of one pinned feature replaced. */
  public FeatureSettings withPointSource(MorphologyFeature feature, double value) {
    return switch (feature) {
      case TEMPLATE_CONCENTRATION -> withPointSource(value, pointSourceSharpness);
      case SHARPNR -> withPointSource(pointSourceConcentration, value);
      default -> {
        Map<MorphologyFeature, Double> other = new EnumMap<>(MorphologyFeature.class);
        other.putAll(otherPointSources);
        other.put(feature, value);
        yield new FeatureSettings(concentration, pointSourceConcentration, pointSourceSharpness, maxReferenceDistance,
            other);
      }
    };
  }

  /** The point-source value subtracted from a pinned feature (0 for the others). */
  public double pointSourceValue(MorphologyFeature feature) {
    return switch (feature) {
      case TEMPLATE_CONCENTRATION -> pointSourceConcentration;
      case SHARPNR -> pointSourceSharpness;
      default -> otherPointSources.getOrDefault(feature, 0.0);
    };
  }

  /** Whether the nearest reference-image source is close enough to be the alert's counterpart. */
  boolean hasReferenceCounterpart(Alert alert) {
    OptionalDouble d = alert.number("distnr");
    return d.isPresent() && d.getAsDouble() >= 0 && d.getAsDouble() < maxReferenceDistance;
  }
}
