package org.nightjar.models.stargal;

import java.util.Optional;
import java.util.OptionalDouble;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.CutoutKind;

/**
 * The morphology features an XD star/galaxy prior can be fitted on. Each describes the alert's
 * static counterpart and comes with a per-alert 1-sigma uncertainty. Features marked
 * {@link #pinnedForStars()} are built so that a point source has true value 0 (like SDSS's
 * PSF-minus-model magnitude): the prior's star components are pinned there.
 *
 * <p>Thread-safe (stateless constants).
 */
public enum MorphologyFeature {

  /** Template aperture concentration minus the point-source value (see {@link TemplateConcentration}). */
  TEMPLATE_CONCENTRATION("template_concentration", true) {
    @Override
    Optional<Value> measure(Alert alert, FeatureSettings s) throws AlertDecodeException {
      var stamp = alert.cutout(CutoutKind.TEMPLATE);
      if (stamp.isEmpty()) {
        return Optional.empty();
      }
      return s.concentration().measure(stamp.get())
          .map(m -> new Value(m.value() - s.pointSourceConcentration(), m.sigma()));
    }

    @Override
    String definition(FeatureSettings s) {
      TemplateConcentration c = s.concentration();
      return "-2.5 log10(F(r<" + c.innerRadius() + " px) / F(r<" + c.outerRadius() + " px)) of the source within "
          + c.searchRadius() + " px of the TEMPLATE stamp centre, background = median of the " + c.annulusInner() + "-"
          + c.annulusOuter() + " px annulus, minus the point-source value " + s.pointSourceConcentration()
          + "; sigma from the annulus MAD, floor " + c.sigmaFloor() + "; needs S/N >= " + c.minSignalToNoise();
    }
  },

  /** DAOPhot sharpness of the nearest reference-image source (ZTF {@code sharpnr}); about 0 for point sources. */
  SHARPNR("sharpnr", true) {
    @Override
    Optional<Value> measure(Alert alert, FeatureSettings s) {
      OptionalDouble v = alert.number("sharpnr");
      OptionalDouble e = alert.number("sigmagnr");
      if (!s.hasReferenceCounterpart(alert) || !finite(v) || !finite(e) || e.getAsDouble() < 0) {
        return Optional.empty();
      }
      return Optional.of(new Value(v.getAsDouble() - s.pointSourceSharpness(), 0.02 + e.getAsDouble()));
    }

    @Override
    String definition(FeatureSettings s) {
      return "ZTF sharpnr minus the point-source value " + s.pointSourceSharpness() + ", when distnr < "
          + s.maxReferenceDistance() + " arcsec; sigma = 0.02 + sigmagnr (assumed)";
    }
  },

  /** Natural log of the DAOPhot chi of the nearest reference-image source (ZTF {@code chinr}). */
  LN_CHINR("ln_chinr", false) {
    @Override
    Optional<Value> measure(Alert alert, FeatureSettings s) {
      OptionalDouble v = alert.number("chinr");
      OptionalDouble e = alert.number("sigmagnr");
      if (!s.hasReferenceCounterpart(alert) || !finite(v) || v.getAsDouble() <= 0 || !finite(e) || e.getAsDouble() < 0) {
        return Optional.empty();
      }
      return Optional.of(new Value(Math.log(v.getAsDouble()), 0.05 + 2.0 * e.getAsDouble()));
    }

    @Override
    String definition(FeatureSettings s) {
      return "ln(ZTF chinr) when distnr < " + s.maxReferenceDistance() + " arcsec; sigma = 0.05 + 2 sigmagnr (assumed)";
    }
  },

  /** Difference-image PSF minus aperture magnitude; describes the transient, not the host (weak). */
  MAGPSF_MINUS_MAGAP("magpsf_minus_magap", false) {
    @Override
    Optional<Value> measure(Alert alert, FeatureSettings s) {
      OptionalDouble psf = alert.number("magpsf");
      OptionalDouble ap = alert.number("magap");
      OptionalDouble ePsf = alert.number("sigmapsf");
      OptionalDouble eAp = alert.number("sigmagap");
      if (!finite(psf) || !finite(ap) || !finite(ePsf) || !finite(eAp) || ePsf.getAsDouble() < 0 || eAp.getAsDouble() < 0) {
        return Optional.empty();
      }
      return Optional.of(new Value(psf.getAsDouble() - ap.getAsDouble(),
          Math.max(1e-3, Math.hypot(ePsf.getAsDouble(), eAp.getAsDouble()))));
    }

    @Override
    String definition(FeatureSettings s) {
      return "ZTF magpsf - magap (difference image); sigma = hypot(sigmapsf, sigmagap)";
    }
  };

  /** A measured feature value and its 1-sigma uncertainty. */
  public record Value(double x, double sigma) {}

  private final String featureName;
  private final boolean pinnedForStars;

  MorphologyFeature(String featureName, boolean pinnedForStars) {
    this.featureName = featureName;
    this.pinnedForStars = pinnedForStars;
  }

  /** The name stored with the prior and used as the key in the output's feature map. */
  public String featureName() {
    return featureName;
  }

  /** Whether a point source has true value 0, so star components are pinned there. */
  public boolean pinnedForStars() {
    return pinnedForStars;
  }

  /** The feature of this name. */
  public static MorphologyFeature byName(String name) {
    for (MorphologyFeature f : values()) {
      if (f.featureName.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown morphology feature '" + name + "'; known: "
        + java.util.Arrays.stream(values()).map(MorphologyFeature::featureName).toList());
  }

  /**
   * The value for this alert; empty when it cannot be measured.
   *
   * @throws AlertDecodeException when a stamp the feature needs is corrupt
   */
  abstract Optional<Value> measure(Alert alert, FeatureSettings settings) throws AlertDecodeException;

  /** How the value is computed, with the settings filled in (stored with the prior). */
  abstract String definition(FeatureSettings settings);

  private static boolean finite(OptionalDouble v) {
    return v.isPresent() && Double.isFinite(v.getAsDouble());
  }
}
