package org.nightjar.models.xd;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.Photometry;
import org.nightjar.schemas.Survey;

/** A test alert that only answers {@link #number(String)} from a map of ZTF fields. */
record FieldAlert(Map<String, Double> fields) implements Alert {

  @Override
  public Survey survey() {
    return Survey.values()[0];
  }

  @Override
  public long alertId() {
    return fields.getOrDefault("candid", 0.0).longValue();
  }

  @Override
  public String objectId() {
    return "test";
  }

  @Override
  public Instant eventTime() {
    return Instant.EPOCH;
  }

  @Override
  public Optional<String> band() {
    return Optional.empty();
  }

  @Override
  public double ra() {
    return 0.0;
  }

  @Override
  public double dec() {
    return 0.0;
  }

  @Override
  public String schemaVersion() {
    return "test";
  }

  @Override
  public Optional<Photometry> photometry() {
    return Optional.empty();
  }

  @Override
  public boolean hasCutout(CutoutKind kind) {
    return false;
  }

  @Override
  public Optional<Cutout> cutout(CutoutKind kind) {
    return Optional.empty();
  }

  @Override
  public OptionalDouble number(String field) {
    Double v = fields.get(field);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  @Override
  public Optional<String> text(String field) {
    return Optional.empty();
  }
}
