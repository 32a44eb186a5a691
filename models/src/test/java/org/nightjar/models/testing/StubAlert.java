package org.nightjar.models.testing;

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

/** A minimal ZTF-like alert around given cutouts, for scorer tests. */
public final class StubAlert implements Alert {

  private final long alertId;
  private final Survey survey;
  private final Map<CutoutKind, Cutout> cutouts = new EnumMap<>(CutoutKind.class);

  private StubAlert(long alertId) {
    this(alertId, Survey.ZTF);
  }

  /** An alert of {@code survey} without stamps. */
  public StubAlert(long alertId, Survey survey) {
    this.alertId = alertId;
    this.survey = survey;
  }

  /** An alert carrying science, template and difference in that order. */
  public static StubAlert withCutouts(long alertId, Cutout[] triplet) {
    return withCutouts(alertId, Survey.ZTF, triplet);
  }

  /** An alert of {@code survey} carrying science, template and difference in that order. */
  public static StubAlert withCutouts(long alertId, Survey survey, Cutout[] triplet) {
    StubAlert alert = new StubAlert(alertId, survey);
    alert.cutouts.put(CutoutKind.SCIENCE, triplet[0]);
    alert.cutouts.put(CutoutKind.TEMPLATE, triplet[1]);
    alert.cutouts.put(CutoutKind.DIFFERENCE, triplet[2]);
    return alert;
  }

  /** An alert that carries no stamps at all. */
  public static StubAlert withoutCutouts(long alertId) {
    return new StubAlert(alertId);
  }

  @Override public Survey survey() { return survey; }
  @Override public long alertId() { return alertId; }
  @Override public String objectId() { return "ZTF-test-" + alertId; }
  @Override public Instant eventTime() { return Instant.EPOCH; }
  @Override public Optional<String> band() { return Optional.of("r"); }
  @Override public double ra() { return 0; }
  @Override public double dec() { return 0; }
  @Override public String schemaVersion() { return "test"; }
  @Override public Optional<Photometry> photometry() { return Optional.empty(); }
  @Override public boolean hasCutout(CutoutKind kind) { return cutouts.containsKey(kind); }
  @Override public Optional<Cutout> cutout(CutoutKind kind) { return Optional.ofNullable(cutouts.get(kind)); }
  @Override public OptionalDouble number(String field) { return OptionalDouble.empty(); }
  @Override public Optional<String> text(String field) { return Optional.empty(); }
}
