package org.nightjar.models.artifact;

import java.util.Optional;
import java.util.OptionalDouble;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.Survey;

/**
 * The survey's own real/bogus score, used as a weak label for artifacts: ZTF's deep real/bogus
 * score {@code drb} and Rubin's {@code reliability}, both in 0..1 with 1 = real; a value below 0.5
 * counts as an artifact. Alerts without the field (ZTF before schema 3.3) have no label.
 *
 * @param field the detection-record field
 * @param threshold values below it are artifacts
 */
public record WeakLabel(String field, double threshold) {

  public static Optional<WeakLabel> of(Survey survey) {
    return Optional.of(switch (survey) {
      case ZTF -> new WeakLabel("drb", 0.5);
      case RUBIN -> new WeakLabel("reliability", 0.5);
    });
  }

  /** Whether the alert is an artifact by this label; empty when it carries no such field. */
  public Optional<Boolean> isArtifact(Alert alert) {
    OptionalDouble v = score(alert);
    return v.isPresent() ? Optional.of(v.getAsDouble() < threshold) : Optional.empty();
  }

  /**
   * How bogus the survey's own score says the alert is, 0..1 (1 minus the real/bogus score);
   * empty when it carries no such field.
   */
  public OptionalDouble bogusness(Alert alert) {
    OptionalDouble v = score(alert);
    return v.isPresent() ? OptionalDouble.of(Math.min(1, Math.max(0, 1 - v.getAsDouble()))) : OptionalDouble.empty();
  }

  /** The survey's real/bogus score of the alert, when it has a finite one. */
  private OptionalDouble score(Alert alert) {
    OptionalDouble v = alert.number(field);
    return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v : OptionalDouble.empty();
  }

  public String describe() {
    return field + " < " + threshold;
  }
}
