package org.nightjar.schemas.rubin;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
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
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.Photometry;
import org.nightjar.schemas.RecordAlert;
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
 * <p>Immutable and thread-safe; cutouts (plain FITS bytes, image in the primary HDU) decode lazily.
 */
public final class RubinAlert extends RecordAlert {
  /** Where the alert id is, in order of precedence (as {@link #from} reads it). */
  public static final List<String> ID_PLACES = List.of("diaSource.diaSourceId", "diaSourceId", "alertId");

  private RubinAlert(long alertId, String objectId, Instant eventTime, Optional<String> band, double ra, double dec,
      String schemaVersion, Optional<Photometry> photometry, GenericRecord diaSource, LazyCutouts cutouts) {
    super(alertId, objectId, eventTime, band, ra, dec, schemaVersion, photometry, diaSource, cutouts);
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
    OptionalLong id = Fields.longValue(diaSource, "diaSourceId");
    if (id.isEmpty()) {
      id = Fields.longValue(alert, "diaSourceId");
    }
    if (id.isEmpty()) {
      id = Fields.longValue(alert, "alertId");
    }
    long alertId = id.orElseThrow(() -> missing("diaSource.diaSourceId"));
    OptionalLong object = nonZero(Fields.longValue(diaSource, "diaObjectId"));
    if (object.isEmpty()) {
      object = nonZero(Fields.longValue(diaSource, "ssObjectId"));
    }
    String objectId = Long.toString(object.orElseThrow(() -> missing("diaSource.diaObjectId")));
    double mjd = Fields.finiteDouble(diaSource, "midpointMjdTai").orElseThrow(() -> missing("diaSource.midpointMjdTai"));
    Instant eventTime;
    try {
      eventTime = AstroTime.fromMjdTai(mjd);
    } catch (IllegalArgumentException e) {
      throw new AlertDecodeException(RejectReason.MISSING_FIELD, "field diaSource.midpointMjdTai is not a usable time: " + mjd, e);
    }
    double ra = Fields.finiteDouble(diaSource, "ra").orElseThrow(() -> missing("diaSource.ra"));
    double dec = Fields.finiteDouble(diaSource, "dec").orElseThrow(() -> missing("diaSource.dec"));
    Optional<String> band = Fields.text(diaSource, "band").filter(s -> !s.isBlank());
    OptionalDouble flux = Fields.finiteDouble(diaSource, "psfFlux");
    OptionalDouble err = Fields.finiteDouble(diaSource, "psfFluxErr");
    Optional<Photometry> photometry = flux.isPresent() && err.isPresent() && err.getAsDouble() >= 0
        ? Optional.of(new Photometry(flux.getAsDouble(), err.getAsDouble()))
        : Optional.empty();
    Map<CutoutKind, ByteBuffer> stamps = new EnumMap<>(CutoutKind.class);
    Fields.bytes(alert, "cutoutScience").ifPresent(b -> stamps.put(CutoutKind.SCIENCE, b));
    Fields.bytes(alert, "cutoutTemplate").ifPresent(b -> stamps.put(CutoutKind.TEMPLATE, b));
    Fields.bytes(alert, "cutoutDifference").ifPresent(b -> stamps.put(CutoutKind.DIFFERENCE, b));
    return new RubinAlert(alertId, objectId, eventTime, band, ra, dec, schemaVersion, photometry, diaSource,
        new LazyCutouts(decoder, stamps));
  }

  /** Whether a writer schema looks like a Rubin alert: a record with a {@code diaSource} record. */
  public static boolean matches(Schema schema) {
    return Fields.recordType(schema, "diaSource") != null;
  }

  @Override
  public Survey survey() {
    return Survey.RUBIN;
  }

  private static OptionalLong nonZero(OptionalLong v) {
    return v.isPresent() && v.getAsLong() != 0 ? v : OptionalLong.empty();
  }

  private static AlertDecodeException missing(String field) {
    return new AlertDecodeException(RejectReason.MISSING_FIELD, "Rubin alert lacks required field " + field);
  }
}
