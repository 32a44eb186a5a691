package org.nightjar.schemas.rubin;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AstroTime;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.Photometry;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.Fields;
import org.nightjar.schemas.fits.CutoutDecoder;
import org.nightjar.schemas.fits.LazyCutouts;

/**
 * The {@link Alert} view of a Rubin (LSST) packet, schema 7.x to 11.x, official or re-written by
 * Fink; every field is read by name.
 *
 * <ul>
 *   <li>alertId = {@code diaSource.diaSourceId} (else top-level {@code diaSourceId} / {@code alertId})
 *   <li>objectId = {@code diaSource.diaObjectId} as a decimal string; for a solar-system source
 *       without one (null or 0) the {@code ssObjectId}
 *   <li>event time = {@code diaSource.midpointMjdTai} (TAI, converted to UTC)
 *   <li>band = {@code diaSource.band}; photometry = {@code psfFlux}, {@code psfFluxErr} (nJy)
 *   <li>{@link #number}/{@link #text} read {@code diaSource} fields
 * </ul>
 *
 * <p>Immutable and thread-safe; cutouts (plain FITS bytes) decode lazily.
 */
public final class RubinAlert implements Alert {
  private final long alertId;
  private final String objectId;
  private final Instant eventTime;
  private final Optional<String> band;
  private final double ra;
  private final double dec;
  private final String schemaVersion;
  private final Optional<Photometry> photometry;
  private final GenericRecord diaSource;
  private final LazyCutouts cutouts;

  private RubinAlert(GenericRecord alert, GenericRecord diaSource, String schemaVersion, CutoutDecoder decoder)
      throws AlertDecodeException {
    this.diaSource = diaSource;
    this.schemaVersion = schemaVersion;
    OptionalLong id = Fields.longValue(diaSource, "diaSourceId");
    if (id.isEmpty()) {
      id = Fields.longValue(alert, "diaSourceId");
    }
    if (id.isEmpty()) {
      id = Fields.longValue(alert, "alertId");
    }
    this.alertId = id.orElseThrow(() -> missing("diaSource.diaSourceId"));
    OptionalLong object = nonZero(Fields.longValue(diaSource, "diaObjectId"));
    if (object.isEmpty()) {
      object = nonZero(Fields.longValue(diaSource, "ssObjectId"));
    }
    this.objectId = Long.toString(object.orElseThrow(() -> missing("diaSource.diaObjectId")));
    double mjd = Fields.finiteDouble(diaSource, "midpointMjdTai").orElseThrow(() -> missing("diaSource.midpointMjdTai"));
    try {
      this.eventTime = AstroTime.fromMjdTai(mjd);
    } catch (IllegalArgumentException e) {
      throw new AlertDecodeException(RejectReason.MISSING_FIELD, "field diaSource.midpointMjdTai is not a usable time: " + mjd, e);
    }
    this.ra = Fields.finiteDouble(diaSource, "ra").orElseThrow(() -> missing("diaSource.ra"));
    this.dec = Fields.finiteDouble(diaSource, "dec").orElseThrow(() -> missing("diaSource.dec"));
    this.band = Fields.text(diaSource, "band").filter(s -> !s.isBlank());
    OptionalDouble flux = Fields.finiteDouble(diaSource, "psfFlux");
    OptionalDouble err = Fields.finiteDouble(diaSource, "psfFluxErr");
    this.photometry = flux.isPresent() && err.isPresent() && err.getAsDouble() >= 0
        ? Optional.of(new Photometry(flux.getAsDouble(), err.getAsDouble()))
        : Optional.empty();
    Map<CutoutKind, ByteBuffer> stamps = new EnumMap<>(CutoutKind.class);
    Fields.bytes(alert, "cutoutScience").ifPresent(b -> stamps.put(CutoutKind.SCIENCE, b));
    Fields.bytes(alert, "cutoutTemplate").ifPresent(b -> stamps.put(CutoutKind.TEMPLATE, b));
    Fields.bytes(alert, "cutoutDifference").ifPresent(b -> stamps.put(CutoutKind.DIFFERENCE, b));
    this.cutouts = new LazyCutouts(decoder, stamps);
  }

  /**
   * Wraps a decoded Rubin record.
   *
   * @param schemaVersion the schema version, e.g. "9.0" (from the schema id, the writer schema's
   *     namespace, or Fink's {@code lsst_schema_version})
   * @throws AlertDecodeException {@link RejectReason#MISSING_FIELD} when diaSource, its id, object
   *     id, time or position is absent or null
   */
  public static RubinAlert from(GenericRecord alert, String schemaVersion, CutoutDecoder decoder)
      throws AlertDecodeException {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    GenericRecord diaSource = Fields.record(alert, "diaSource");
    if (diaSource == null) {
      throw missing("diaSource");
    }
    return new RubinAlert(alert, diaSource, schemaVersion, decoder);
  }

  /** Whether a writer schema looks like a Rubin alert: a record with a {@code diaSource} record. */
  public static boolean matches(Schema schema) {
    return Fields.recordType(schema, "diaSource") != null;
  }

  private static OptionalLong nonZero(OptionalLong v) {
    return v.isPresent() && v.getAsLong() != 0 ? v : OptionalLong.empty();
  }

  private static AlertDecodeException missing(String field) {
    return new AlertDecodeException(RejectReason.MISSING_FIELD, "Rubin alert lacks required field " + field);
  }

  @Override
  public Survey survey() {
    return Survey.RUBIN;
  }

  @Override
  public long alertId() {
    return alertId;
  }

  @Override
  public String objectId() {
    return objectId;
  }

  @Override
  public Instant eventTime() {
    return eventTime;
  }

  @Override
  public Optional<String> band() {
    return band;
  }

  @Override
  public double ra() {
    return ra;
  }

  @Override
  public double dec() {
    return dec;
  }

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public Optional<Photometry> photometry() {
    return photometry;
  }

  @Override
  public boolean hasCutout(CutoutKind kind) {
    return cutouts.has(kind);
  }

  @Override
  public Optional<Cutout> cutout(CutoutKind kind) throws AlertDecodeException {
    return cutouts.get(kind);
  }

  @Override
  public OptionalDouble number(String field) {
    return Fields.doubleValue(diaSource, field);
  }

  @Override
  public Optional<String> text(String field) {
    return Fields.text(diaSource, field);
  }

  @Override
  public String toString() {
    return "RubinAlert[diaSourceId=" + alertId + ", objectId=" + objectId + ", schema=" + schemaVersion + "]";
  }
}
