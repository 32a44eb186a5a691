package org.nightjar.models.stargal;

import java.util.Optional;
import java.util.OptionalDouble;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Cutout;
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
      return concentration(alert, CutoutKind.TEMPLATE, s, s.pointSourceConcentration());
    }

    @Override
    String definition(FeatureSettings s) {
      return concentrationDefinition("TEMPLATE", s, s.pointSourceConcentration());
    }
  },

  /**
   * The same aperture concentration on the SCIENCE stamp (Rubin): the source as the new exposure
   * sees it, host and transient together, minus the point-source value.
   */
  SCIENCE_CONCENTRATION("science_concentration", true) {
    @Override
    Optional<Value> measure(Alert alert, FeatureSettings s) throws AlertDecodeException {
      return concentration(alert, CutoutKind.SCIENCE, s, s.pointSourceValue(this));
    }

    @Override
    String definition(FeatureSettings s) {
      return concentrationDefinition("SCIENCE", s, s.pointSourceValue(this));
    }
  },

  /**
   * The same aperture concentration on the DIFFERENCE stamp (Rubin): the transient itself, which
   * is what Rubin's extendedness describes, measured from the pixels, so every alert with a
   * difference stamp and a source at the required S/N has it (the moments are null on about half
   * of the packets). A negative difference source (the object faded; the sign of {@code psfFlux})
   * is measured on the negated stamp.
   */
  DIFFERENCE_CONCENTRATION("difference_concentration", true) {
    @Override
    Optional<Value> measure(Alert alert, FeatureSettings s) throws AlertDecodeException {
      var stamp = alert.cutout(CutoutKind.DIFFERENCE);
      if (stamp.isEmpty()) {
        return Optional.empty();
      }
      Cutout d = stamp.get();
      OptionalDouble flux = alert.number("psfFlux");
      if (flux.isPresent() && flux.getAsDouble() < 0) {
        float[] negated = d.pixels().clone();
        for (int i = 0; i < negated.length; i++) {
          negated[i] = -negated[i];
        }
        d = Cutout.of(d.width(), d.height(), negated);
      }
      return concentration(d, s, s.pointSourceValue(this));
    }

    @Override
    String definition(FeatureSettings s) {
      return concentrationDefinition("DIFFERENCE (negated when psfFlux < 0)", s, s.pointSourceValue(this));
    }
  },

  /**
   * Rubin: natural log of the trace of the source's adaptive second moments over the PSF's,
   * ln((ixx + iyy) / (ixxPSF + iyyPSF)), from the detection record (measured by the Rubin pipeline
   * on the difference image), minus the point-source value: about 0 for a point source, positive
   * for a source broader than the PSF. The packets carry no moment errors (ixxErr is null or
   * absent), so the 1-sigma uncertainty is the one of a Gaussian source at the detection's S/N,
   * 2 / snr, with a floor of 0.05.
   */
  LN_TRACE_RATIO("ln_trace_ratio", true) {
    @Override
    Optional<Value> measure(Alert alert, FeatureSettings s) {
      OptionalDouble ixx = alert.number("ixx");
      OptionalDouble iyy = alert.number("iyy");
      OptionalDouble pxx = alert.number("ixxPSF");
      OptionalDouble pyy = alert.number("iyyPSF");
      OptionalDouble snr = alert.number("snr");
      if (!finite(ixx) || !finite(iyy) || !finite(pxx) || !finite(pyy) || !finite(snr) || !(snr.getAsDouble() > 0)) {
        return Optional.empty();
      }
      double source = ixx.getAsDouble() + iyy.getAsDouble();
      double psf = pxx.getAsDouble() + pyy.getAsDouble();
      if (!(source > 0) || !(psf > 0)) {
        return Optional.empty();
      }
      double sigma = Math.hypot(TRACE_SIGMA_TIMES_SNR / snr.getAsDouble(), TRACE_SIGMA_FLOOR);
      return Optional.of(new Value(Math.log(source / psf) - s.pointSourceValue(this), sigma));
    }

    @Override
    String definition(FeatureSettings s) {
      return "ln((ixx + iyy) / (ixxPSF + iyyPSF)) of the Rubin diaSource minus the point-source value "
          + s.pointSourceValue(this) + "; sigma = hypot(" + TRACE_SIGMA_TIMES_SNR + " / snr, " + TRACE_SIGMA_FLOOR
          + ") (assumed: the packets carry no moment errors)";
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

  private static final double TRACE_SIGMA_TIMES_SNR = 2.0;
  private static final double TRACE_SIGMA_FLOOR = 0.05;

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

  private static Optional<Value> concentration(Alert alert, CutoutKind kind, FeatureSettings s, double pointSource)
      throws AlertDecodeException {
    var stamp = alert.cutout(kind);
    return stamp.isEmpty() ? Optional.empty() : concentration(stamp.get(), s, pointSource);
  }

  /** The aperture concentration of the stamp's central source, minus the point-source value. */
  private static Optional<Value> concentration(Cutout stamp, FeatureSettings s, double pointSource) {
    return s.concentration().measure(stamp).map(m -> new Value(m.value() - pointSource, m.sigma()));
  }

  private static String concentrationDefinition(String stampName, FeatureSettings s, double pointSource) {
    TemplateConcentration c = s.concentration();
    return "-2.5 log10(F(r<" + c.innerRadius() + " px) / F(r<" + c.outerRadius() + " px)) of the source within "
        + c.searchRadius() + " px of the " + stampName + " stamp centre, background = median of the " + c.annulusInner()
        + "-" + c.annulusOuter() + " px annulus, minus the point-source value " + pointSource
        + "; sigma from the annulus MAD, floor " + c.sigmaFloor() + "; needs S/N >= " + c.minSignalToNoise();
  }

  private static boolean finite(OptionalDouble v) {
    return v.isPresent() && Double.isFinite(v.getAsDouble());
  }
}
