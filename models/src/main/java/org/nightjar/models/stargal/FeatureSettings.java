package org.nightjar.models.stargal;

import java.util.OptionalDouble;
import org.nightjar.schemas.Alert;

/**
 * Constants of the morphology features: the template concentration measurement, the concentration
 * a point source gives on the templates (subtracted so that stars sit at 0), and how close the
 * nearest reference-image source must be for its catalogue morphology to describe the alert's
 * counterpart.
 *
 * <p>Immutable and thread-safe.
 *
 * @param concentration the aperture measurement on the TEMPLATE stamp
 * @param pointSourceConcentration concentration of a point source, in magnitudes (estimated at training)
 * @param pointSourceSharpness sharpnr of a point source (estimated at training; DAOPhot gives stars
 *     slightly negative values on ZTF references)
 * @param maxReferenceDistance largest {@code distnr} (arcsec) at which sharpnr/chinr are used
 */
public record FeatureSettings(TemplateConcentration concentration, double pointSourceConcentration,
    double pointSourceSharpness, double maxReferenceDistance) {

  public FeatureSettings {
    if (concentration == null || !Double.isFinite(pointSourceConcentration) || !Double.isFinite(pointSourceSharpness)
        || !(maxReferenceDistance > 0)) {
      throw new IllegalArgumentException("need a concentration measurement, a finite point-source value and a positive distance");
    }
  }

  /** ZTF defaults with point-source values still 0 (to be estimated by training). */
  public static FeatureSettings ztf() {
    return new FeatureSettings(TemplateConcentration.ztfDefaults(), 0.0, 0.0, 1.0);
  }

  /** The same settings with other point-source values. */
  public FeatureSettings withPointSource(double concentrationValue, double sharpnessValue) {
    return new FeatureSettings(concentration, concentrationValue, sharpnessValue, maxReferenceDistance);
  }

  /** The point-source value subtracted from a pinned feature (0 for the others). */
  public double pointSourceValue(MorphologyFeature feature) {
    return switch (feature) {
      case TEMPLATE_CONCENTRATION -> pointSourceConcentration;
      case SHARPNR -> pointSourceSharpness;
      default -> 0.0;
    };
  }

  /** Whether the nearest reference-image source is close enough to be the alert's counterpart. */
  boolean hasReferenceCounterpart(Alert alert) {
    OptionalDouble d = alert.number("distnr");
    return d.isPresent() && d.getAsDouble() >= 0 && d.getAsDouble() < maxReferenceDistance;
  }
}
