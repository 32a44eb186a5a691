package org.nightjar.models.stargal;

import java.util.Optional;
import java.util.OptionalDouble;
import org.nightjar.schemas.Alert;

/**
 * Reference labels for Rubin alerts from the pipeline's own {@code diaSource.extendedness} (0 =
 * confidently point-like, 1 = confidently extended; the schema defines it by comparing the
 * source's moment-based traced radius to the PSF's, on the difference image): point-like ("star")
 * below {@code extendedAtOrAbove}, extended ("galaxy") at or above it, none when the field is null.
 * Used to validate the Rubin prior, never as one of its inputs.
 *
 * <p>Immutable and thread-safe.
 */
public record ExtendednessLabel(double extendedAtOrAbove) {

  public ExtendednessLabel {
    if (!(extendedAtOrAbove > 0 && extendedAtOrAbove < 1)) {
      throw new IllegalArgumentException("threshold must lie in (0, 1), got " + extendedAtOrAbove);
    }
  }

  /** Extended at extendedness &gt;= 0.5. */
  public static ExtendednessLabel half() {
    return new ExtendednessLabel(0.5);
  }

  /** The rule in words. */
  public String rule() {
    return "Rubin extendedness >= " + extendedAtOrAbove + " extended (galaxy), below point-like (star)";
  }

  /** True for point-like, false for extended, empty when the alert has no extendedness. */
  public Optional<Boolean> isStar(Alert alert) {
    OptionalDouble e = alert.number("extendedness");
    if (e.isEmpty() || !Double.isFinite(e.getAsDouble())) {
      return Optional.empty();
    }
    return Optional.of(e.getAsDouble() < extendedAtOrAbove);
  }
}
