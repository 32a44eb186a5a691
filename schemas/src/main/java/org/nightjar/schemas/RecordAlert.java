package org.nightjar.schemas;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.avro.generic.GenericRecord;
import org.nightjar.schemas.avro.Fields;
import org.nightjar.schemas.fits.LazyCutouts;

/**
 * An {@link Alert} backed by a decoded Avro record: the survey adapters work out the values once
 * (validating the required ones) and this class holds them. {@link #number}/{@link #text} read
 * the survey's detection record by field name; cutouts decode lazily. Immutable and thread-safe.
 */
public abstract class RecordAlert implements Alert {
  private final long alertId;
  private final String objectId;
  private final Instant eventTime;
  private final Optional<String> band;
  private final double ra;
  private final double dec;
  private final String schemaVersion;
  private final Optional<Photometry> photometry;
  private final GenericRecord detection;
  private final LazyCutouts cutouts;

  /** @param detection the detection record ({@code candidate}, {@code diaSource}); never handed out */
  protected RecordAlert(long alertId, String objectId, Instant eventTime, Optional<String> band, double ra, double dec,
      String schemaVersion, Optional<Photometry> photometry, GenericRecord detection, LazyCutouts cutouts) {
    this.alertId = alertId;
    this.objectId = Objects.requireNonNull(objectId, "objectId");
    this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
    this.band = Objects.requireNonNull(band, "band");
    this.ra = ra;
    this.dec = dec;
    this.schemaVersion = Objects.requireNonNull(schemaVersion, "schemaVersion");
    this.photometry = Objects.requireNonNull(photometry, "photometry");
    this.detection = Objects.requireNonNull(detection, "detection");
    this.cutouts = Objects.requireNonNull(cutouts, "cutouts");
  }

  @Override
  public final long alertId() {
    return alertId;
  }

  @Override
  public final String objectId() {
    return objectId;
  }

  @Override
  public final Instant eventTime() {
    return eventTime;
  }

  @Override
  public final Optional<String> band() {
    return band;
  }

  @Override
  public final double ra() {
    return ra;
  }

  @Override
  public final double dec() {
    return dec;
  }

  @Override
  public final String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public final Optional<Photometry> photometry() {
    return photometry;
  }

  @Override
  public final boolean hasCutout(CutoutKind kind) {
    return cutouts.has(kind);
  }

  @Override
  public final Optional<Cutout> cutout(CutoutKind kind) throws AlertDecodeException {
    return cutouts.get(kind);
  }

  @Override
  public final OptionalDouble number(String field) {
    return Fields.doubleValue(detection, field);
  }

  @Override
  public final Optional<String> text(String field) {
    return Fields.text(detection, field);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[alertId=" + alertId + ", objectId=" + objectId + ", schema=" + schemaVersion + "]";
  }
}
