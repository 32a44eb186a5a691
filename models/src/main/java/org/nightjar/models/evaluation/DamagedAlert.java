package org.nightjar.models.evaluation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.Photometry;
import org.nightjar.schemas.Survey;

/** A real alert with some of its stamps replaced: everything else is the original's. Immutable. */
final class DamagedAlert implements Alert {
  private final Alert original;
  private final Map<CutoutKind, Cutout> stamps;

  DamagedAlert(Alert original, Map<CutoutKind, Cutout> replaced) {
    this.original = original;
    this.stamps = new EnumMap<>(replaced);
  }

  @Override
  public Survey survey() {
    return original.survey();
  }

  @Override
  public long alertId() {
    return original.alertId();
  }

  @Override
  public String objectId() {
    return original.objectId();
  }

  @Override
  public Instant eventTime() {
    return original.eventTime();
  }

  @Override
  public Optional<String> band() {
    return original.band();
  }

  @Override
  public double ra() {
    return original.ra();
  }

  @Override
  public double dec() {
    return original.dec();
  }

  @Override
  public String schemaVersion() {
    return original.schemaVersion();
  }

  @Override
  public Optional<Photometry> photometry() {
    return original.photometry();
  }

  @Override
  public boolean hasCutout(CutoutKind kind) {
    return stamps.containsKey(kind) || original.hasCutout(kind);
  }

  @Override
  public Optional<Cutout> cutout(CutoutKind kind) throws org.nightjar.schemas.AlertDecodeException {
    Cutout c = stamps.get(kind);
    return c != null ? Optional.of(c) : original.cutout(kind);
  }

  @Override
  public OptionalDouble number(String field) {
    return original.number(field);
  }

  @Override
  public Optional<String> text(String field) {
    return original.text(field);
  }
}
