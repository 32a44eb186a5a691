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
 * @param maxReferenceDistance largest {@code distnr} (arcsec) at which sharpnr/chinr are used
 */
public record FeatureSettings(TemplateConcentration concentration, double pointSourceConcentration,
    double maxReferenceDistance) {

  public FeatureSettings {
    if (concentration == null || !Double.isFinite(pointSourceConcentration) || !(maxReferenceDistance > 0)) {
      throw new IllegalArgumentException("need a concentration measurement, a finite point-source value and a positive distance");
    }
  }

  /** ZTF defaults with a given point-source concentration. */
  public static FeatureSettings ztf(double pointSourceConcentration) {
    return new FeatureSettings(TemplateConcentration.ztfDefaults(), pointSourceConcentration, 1.0);
  }

  /** The same settings with another point-source concentration. */
  public FeatureSettings withPointSourceConcentration(double value) {
    return new FeatureSettings(concentration, value, maxReferenceDistance);
  }

  /** Whether the nearest reference-image source is close enough to be the alert's counterpart. */
  boolean hasReferenceCounterpart(Alert alert) {
    OptionalDouble d = alert.number("distnr");
    return d.isPresent() && d.getAsDouble() >= 0 && d.getAsDouble() < maxReferenceDistance;
  }
}
