package org.nightjar.schemas;

/**
 * Why a message could not be turned into a scored alert. The {@link #code()} is the
 * machine-readable value of the dead-letter reason header and the metrics label.
 */
public enum RejectReason {
  /** The bytes are neither an Avro container, nor a Confluent frame, nor readable raw Avro. */
  NOT_AVRO("not-avro"),
  /** An Avro Object Container File whose header or a block is corrupt. */
  CORRUPT_CONTAINER("corrupt-container"),
  /** An Avro container that holds no record. */
  EMPTY_CONTAINER("empty-container"),
  /** A Confluent frame whose schema id is neither in the local schema directory nor the registry. */
  UNKNOWN_SCHEMA_ID("unknown-schema-id"),
  /** Avro that decodes, but whose record is not an alert of a known survey. */
  UNKNOWN_SCHEMA("unknown-schema"),
  /** A field the Alert view needs (alert id, object id, time, position) is absent or null. */
  MISSING_FIELD("missing-field"),
  /** A gzip-compressed cutout that ends early or has a bad checksum. */
  TRUNCATED_GZIP("truncated-gzip"),
  /** A gzip-compressed cutout that would inflate past the configured limit. */
  DECOMPRESSION_BOMB("decompression-bomb"),
  /** A cutout whose bytes are not a FITS file. */
  NOT_FITS("not-fits"),
  /** A FITS cutout whose header is impossible: bad BITPIX, absurd sizes, data shorter than declared. */
  ABSURD_FITS_HEADER("absurd-fits-header"),
  /** A scorer failed on this alert alone (a model bug or an input the model cannot take). */
  SCORING_FAILED("scoring-failed"),
  /** A failure no check foresaw (a bug, or an input of a kind not yet classified); kept, never lost. */
  UNEXPECTED("unexpected");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  /** Stable kebab-case identifier used in headers, JSON and metric labels. */
  public String code() {
    return code;
  }
}
