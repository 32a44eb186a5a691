package org.nightjar.schemas;

/**
 * Difference-image PSF photometry of one detection in survey-neutral units: signed flux in
 * nanojansky (negative when the source faded against the template) with its 1-sigma error.
 * ZTF packets give magnitudes ({@code magpsf}, {@code sigmapsf}, sign from {@code isdiffpos});
 * Rubin packets give {@code psfFlux}, {@code psfFluxErr} in nJy directly.
 */
public record Photometry(double flux, double fluxErr) {

  /** AB magnitude zero point for fluxes in nanojansky: m = 31.4 - 2.5 log10(f / nJy). */
  public static final double AB_ZERO_POINT_NJY = 31.4;

  public Photometry {
    if (!Double.isFinite(flux) || !(fluxErr >= 0) || Double.isInfinite(fluxErr)) {
      throw new IllegalArgumentException("photometry needs a finite flux and error >= 0, got " + flux + " +- " + fluxErr);
    }
  }

  /** From an AB magnitude of the absolute flux, its error, and the sign of the difference. */
  public static Photometry fromMagnitude(double mag, double magErr, boolean positive) {
    double f = Math.pow(10.0, (AB_ZERO_POINT_NJY - mag) / 2.5);
    double err = f * Math.log(10.0) / 2.5 * magErr;
    return new Photometry(positive ? f : -f, err);
  }

  /** AB magnitude of |flux|. */
  public double magnitude() {
    return AB_ZERO_POINT_NJY - 2.5 * Math.log10(Math.abs(flux));
  }

  /** First-order error of {@link #magnitude()}. */
  public double magnitudeErr() {
    return 2.5 / Math.log(10.0) * fluxErr / Math.abs(flux);
  }
}
