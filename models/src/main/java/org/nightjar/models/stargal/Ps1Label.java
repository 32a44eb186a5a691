package org.nightjar.models.stargal;

import java.util.Optional;
import java.util.OptionalDouble;
import org.nightjar.schemas.Alert;

/**
 * Reference labels from the Pan-STARRS1 star/galaxy score that ZTF attaches to each alert
 * ({@code sgscore1}, Tachibana and Miller 2018) of the nearest PS1 source ({@code distpsnr1}, arcsec):
 * a star when sgscore1 &gt; {@code starAbove}, a galaxy when &lt; {@code galaxyBelow}, and only when
 * that source lies within {@code maxDistance}; otherwise no label.
 *
 * <p>Immutable and thread-safe.
 */
public record Ps1Label(double maxDistance, double starAbove, double galaxyBelow) {

  public Ps1Label {
    if (!(maxDistance > 0) || !(galaxyBelow <= starAbove)) {
      throw new IllegalArgumentException("need maxDistance > 0 and galaxyBelow <= starAbove");
    }
  }

  /** sgscore1 &gt; 0.8 star, &lt; 0.2 galaxy, within the given distance in arcsec. */
  public static Ps1Label within(double arcsec) {
    return new Ps1Label(arcsec, 0.8, 0.2);
  }

  /** True for a star, false for a galaxy, empty when unlabelled. */
  public Optional<Boolean> isStar(Alert alert) {
    OptionalDouble sg = alert.number("sgscore1");
    OptionalDouble d = alert.number("distpsnr1");
    if (sg.isEmpty() || d.isEmpty() || !(d.getAsDouble() >= 0) || !(d.getAsDouble() < maxDistance)
        || !(sg.getAsDouble() >= 0)) {
      return Optional.empty();
    }
    double s = sg.getAsDouble();
    if (s > starAbove) {
      return Optional.of(true);
    }
    return s < galaxyBelow ? Optional.of(false) : Optional.empty();
  }
}
