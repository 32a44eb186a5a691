package org.nightjar.schemas.ztf;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * The {@link Alert} view of a ZTF packet, whatever its writer schema (ZTF's {@code ztf.alert}
 * 1.7 to 4.02, Fink's {@code topLevelRecord} re-writes): every field is read by name.
 *
 * <ul>
 *   <li>alertId = {@code candid} (top level, else {@code candidate.candid}); objectId = {@code objectId}
 *   <li>event time = {@code candidate.jd} (UTC Julian Date as ZTF publishes it; ZTF documents it as
 *       the start of the exposure, 15 s before mid-exposure for the usual 30 s exposures)
 *   <li>band from {@code candidate.fid}: 1 g, 2 r, 3 i
 *   <li>photometry from {@code magpsf}, {@code sigmapsf} and the sign {@code isdiffpos} (t/1 positive)
 *   <li>{@link #number}/{@link #text} read {@code candidate} fields
 *   <li>schemaVersion = {@code schemavsn}, else the writer schema's {@code version} attribute
 * </ul>
 *
 * <p>Immutable and thread-safe; cutouts (gzip FITS in {@code cutoutX.stampData}) decode lazily.
 */
public final class ZtfAlert extends RecordAlert {
  /** Where the alert id is, in order of precedence (as {@link #from} reads it). */
  public static final List<String> ID_PLACES = List.of("candid", "candidate.candid");
  private static final String[] BANDS = {null, "g", "r", "i"};

  private ZtfAlert(long alertId, String objectId, Instant eventTime, Optional<String> band, double ra, double dec,
      String schemaVersion, Optional<Photometry> photometry, GenericRecord candidate, LazyCutouts cutouts) {
    super(alertId, objectId, eventTime, band, ra, dec, schemaVersion, photometry, candidate, cutouts);
  }

  /**
   * Wraps a decoded ZTF record.
   *
   * @throws AlertDecodeException {@link RejectReason#MISSING_FIELD} when candid, objectId,
   *     candidate.jd, candidate.ra or candidate.dec is absent or null
   */
  public static ZtfAlert from(GenericRecord alert, CutoutDecoder decoder) throws AlertDecodeException {
    GenericRecord candidate = Fields.record(alert, "candidate");
    if (candidate == null) {
      throw missing("candidate");
    }
    OptionalLong candid = Fields.longValue(alert, "candid");
    if (candid.isEmpty()) {
      candid = Fields.longValue(candidate, "candid");
    }
    long alertId = candid.orElseThrow(() -> missing("candid"));
    String objectId = Fields.text(alert, "objectId").filter(s -> !s.isBlank()).orElseThrow(() -> missing("objectId"));
    double jd = Fields.finiteDouble(candidate, "jd").orElseThrow(() -> missing("candidate.jd"));
    Instant eventTime;
    try {
      eventTime = AstroTime.fromJulianDate(jd);
    } catch (IllegalArgumentException e) {
      throw new AlertDecodeException(RejectReason.MISSING_FIELD, "field candidate.jd is not a usable time: " + jd, e);
    }
    double ra = Fields.finiteDouble(candidate, "ra").orElseThrow(() -> missing("candidate.ra"));
    double dec = Fields.finiteDouble(candidate, "dec").orElseThrow(() -> missing("candidate.dec"));
    OptionalLong fid = Fields.longValue(candidate, "fid");
    Optional<String> band = fid.isPresent() && fid.getAsLong() >= 1 && fid.getAsLong() <= 3
        ? Optional.of(BANDS[(int) fid.getAsLong()])
        : Optional.empty();
    String schemaVersion = Fields.text(alert, "schemavsn")
        .or(() -> Optional.ofNullable(alert.getSchema().getProp("version")))
        .orElse("unknown");
    Map<CutoutKind, ByteBuffer> stamps = new EnumMap<>(CutoutKind.class);
    stamp(alert, "cutoutScience").ifPresent(b -> stamps.put(CutoutKind.SCIENCE, b));
    stamp(alert, "cutoutTemplate").ifPresent(b -> stamps.put(CutoutKind.TEMPLATE, b));
    stamp(alert, "cutoutDifference").ifPresent(b -> stamps.put(CutoutKind.DIFFERENCE, b));
    return new ZtfAlert(alertId, objectId, eventTime, band, ra, dec, schemaVersion, photometry(candidate), candidate,
        new LazyCutouts(decoder, stamps));
  }

  /** Whether a writer schema looks like a ZTF alert: a record with a {@code candidate} record. */
  public static boolean matches(Schema schema) {
    return Fields.recordType(schema, "candidate") != null;
  }

  @Override
  public Survey survey() {
    return Survey.ZTF;
  }

  private static Optional<Photometry> photometry(GenericRecord candidate) {
    OptionalDouble mag = Fields.finiteDouble(candidate, "magpsf");
    OptionalDouble err = Fields.finiteDouble(candidate, "sigmapsf");
    if (mag.isEmpty() || err.isEmpty() || err.getAsDouble() < 0) {
      return Optional.empty();
    }
    Optional<String> sign = Fields.text(candidate, "isdiffpos");
    boolean positive = sign.map(s -> s.equals("t") || s.equals("1")).orElse(true);
    return Optional.of(Photometry.fromMagnitude(mag.getAsDouble(), err.getAsDouble(), positive));
  }

  private static Optional<ByteBuffer> stamp(GenericRecord alert, String field) {
    Object value = Fields.get(alert, field);
    if (value instanceof GenericRecord cutout) {
      return Fields.bytes(cutout, "stampData");
    }
    return Fields.bytes(alert, field);
  }

  private static AlertDecodeException missing(String field) {
    return new AlertDecodeException(RejectReason.MISSING_FIELD, "ZTF alert lacks required field " + field);
  }
}
