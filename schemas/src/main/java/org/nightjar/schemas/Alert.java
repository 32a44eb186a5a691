package org.nightjar.schemas;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A survey-neutral, immutable view of one alert packet. Implementations wrap the decoded Avro
 * record of their survey; cutouts are decoded on first access and cached.
 *
 * <p>Thread-safe: the view is immutable and cutout decoding is idempotent.
 */
public interface Alert {

  Survey survey();

  /** ZTF {@code candid} / Rubin {@code diaSourceId}: unique per detection, the dedupe key. */
  long alertId();

  /** ZTF {@code objectId} / Rubin {@code diaObjectId} (as a decimal string). */
  String objectId();

  /**
   * Time of the detection as the survey states it: ZTF's {@code candidate.jd} (start of the
   * exposure), Rubin's {@code diaSource.midpointMjdTai} (middle of the exposure), in UTC.
   */
  Instant eventTime();

  /** Filter name as the survey spells it ("g", "r", "i" for ZTF; "u".."y" for Rubin), if known. */
  Optional<String> band();

  /** Right ascension in degrees (ICRS). */
  double ra();

  /** Declination in degrees (ICRS). */
  double dec();

  /** The survey's schema version as written in the packet (e.g. "4.02", "7.4"). */
  String schemaVersion();

  /** The detection's difference-image PSF photometry with its error; empty when the packet has none. */
  Optional<Photometry> photometry();

  /** Whether the packet carries this stamp at all (ZTF sometimes ships none). */
  boolean hasCutout(CutoutKind kind);

  /**
   * The stamp, decoded on first call (gzip or plain FITS to float pixels); empty when the packet
   * carries none.
   *
   * @throws AlertDecodeException when the stamp bytes are corrupt, not FITS, absurd, or would
   *     inflate past the configured limit
   */
  Optional<Cutout> cutout(CutoutKind kind) throws AlertDecodeException;

  /**
   * A numeric field of the detection record by its survey name (ZTF {@code candidate}, Rubin
   * {@code diaSource}), e.g. {@code sgscore1} or {@code extendedness}; empty when absent or null.
   */
  OptionalDouble number(String field);

  /** A string field of the detection record by its survey name; empty when absent or null. */
  Optional<String> text(String field);
}
