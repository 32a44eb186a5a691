package org.nightjar.schemas.ztf;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
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
 * The {@link Alert} view of a ZTF packet, whatever its writer schema (ZTF's {@code ztf.alert}
 * 3.0 to 4.02, Fink's {@code topLevelRecord} re-writes): every field is read by name.
 *
 * <ul>
 *   <li>alertId = {@code candid} (top level, else {@code candidate.candid}); objectId = {@code objectId}
 *   <li>event time = {@code candidate.jd} (UTC Julian Date, as ZTF publishes it)
 *   <li>band from {@code candidate.fid}: 1 g, 2 r, 3 i
 *   <li>photometry from {@code magpsf}, {@code sigmapsf} and the sign {@code isdiffpos}
 *   <li>{@link #number}/{@link #text} read {@code candidate} fields
 *   <li>schemaVersion = {@code schemavsn}, else the writer schema's {@code version} attribute
 * </ul>
 *
 * <p>Immutable and thread-safe; cutouts (gzip FITS in {@code cutoutX.stampData}) decode lazily.
 */
public final class ZtfAlert implements Alert {
  private static final String[] BANDS = {null, "g", "r", "i"};

  private final long alertId;
  private final String objectId;
  private final Instant eventTime;
  private final Optional<String> band;
  private final double ra;
  private final double dec;
  private final String schemaVersion;
  private final Optional<Photometry> photometry;
  private final GenericRecord candidate;
  private final LazyCutouts cutouts;

  private ZtfAlert(GenericRecord alert, GenericRecord candidate, CutoutDecoder decoder) throws AlertDecodeException {
    this.candidate = candidate;
    OptionalLong candid = Fields.longValue(alert, "candid");
    if (candid.isEmpty()) {
      candid = Fields.longValue(candidate, "candid");
    }
    this.alertId = candid.orElseThrow(() -> missing("candid"));
    this.objectId = Fields.text(alert, "objectId").filter(s -> !s.isBlank()).orElseThrow(() -> missing("objectId"));
    double jd = Fields.finiteDouble(candidate, "jd").orElseThrow(() -> missing("candidate.jd"));
    try {
      this.eventTime = AstroTime.fromJulianDate(jd);
    } catch (IllegalArgumentException e) {
      throw new AlertDecodeException(RejectReason.MISSING_FIELD, "field candidate.jd is not a usable time: " + jd, e);
    }
    this.ra = Fields.finiteDouble(candidate, "ra").orElseThrow(() -> missing("candidate.ra"));
    this.dec = Fields.finiteDouble(candidate, "dec").orElseThrow(() -> missing("candidate.dec"));
    OptionalLong fid = Fields.longValue(candidate, "fid");
    this.band = fid.isPresent() && fid.getAsLong() >= 1 && fid.getAsLong() <= 3
        ? Optional.of(BANDS[(int) fid.getAsLong()])
        : Optional.empty();
    this.schemaVersion = Fields.text(alert, "schemavsn")
        .or(() -> Optional.ofNullable(alert.getSchema().getProp("version")))
        .orElse("unknown");
    this.photometry = photometry(candidate);
    Map<CutoutKind, ByteBuffer> stamps = new EnumMap<>(CutoutKind.class);
    stamp(alert, "cutoutScience").ifPresent(b -> stamps.put(CutoutKind.SCIENCE, b));
    stamp(alert, "cutoutTemplate").ifPresent(b -> stamps.put(CutoutKind.TEMPLATE, b));
    stamp(alert, "cutoutDifference").ifPresent(b -> stamps.put(CutoutKind.DIFFERENCE, b));
    this.cutouts = new LazyCutouts(decoder, stamps);
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
    return new ZtfAlert(alert, candidate, decoder);
  }

  /** Whether a writer schema looks like a ZTF alert: a record with a {@code candidate} record. */
  public static boolean matches(Schema schema) {
    return Fields.recordType(schema, "candidate") != null;
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

  @Override
  public Survey survey() {
    return Survey.ZTF;
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
    return Fields.doubleValue(candidate, field);
  }

  @Override
  public Optional<String> text(String field) {
    return Fields.text(candidate, field);
  }

  @Override
  public String toString() {
    return "ZtfAlert[candid=" + alertId + ", objectId=" + objectId + ", schemavsn=" + schemaVersion + "]";
  }
}
