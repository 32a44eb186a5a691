package org.nightjar.schemas;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.nightjar.schemas.avro.Fields;
import org.nightjar.schemas.fits.CutoutDecoder;
import org.nightjar.schemas.rubin.RubinAlert;
import org.nightjar.schemas.ztf.ZtfAlert;

/**
 * Everything worked out once per writer schema and cached: the datum reader, which survey the
 * records belong to, and (Rubin) the schema version when the schema alone tells it. Thread-safe:
 * {@link GenericDatumReader} keeps its resolver per thread.
 */
final class WriterPlan {
  private static final Pattern LSST_NAMESPACE = Pattern.compile("lsst\\.v(\\d+)_(\\d+)");

  private final Schema schema;
  private final GenericDatumReader<Object> reader;
  private final Optional<Survey> survey;
  private final Optional<String> fixedVersion;
  private final Optional<String> closestVersion;
  private final Optional<AlertIdReader> idReader;

  private WriterPlan(Schema schema, Optional<String> fixedVersion, SchemaDirectory directory) {
    this.schema = schema;
    this.reader = new GenericDatumReader<>(schema);
    if (ZtfAlert.matches(schema)) {
      this.survey = Optional.of(Survey.ZTF);
    } else if (RubinAlert.matches(schema)) {
      this.survey = Optional.of(Survey.RUBIN);
    } else {
      this.survey = Optional.empty();
    }
    this.idReader = survey.flatMap(s -> AlertIdReader.of(schema, s == Survey.ZTF ? ZtfAlert.ID_PLACES : RubinAlert.ID_PLACES));
    this.fixedVersion = fixedVersion.or(() -> namespaceVersion(schema));
    this.closestVersion = survey.equals(Optional.of(Survey.RUBIN)) && this.fixedVersion.isEmpty()
        ? directory.closestVersion(schema)
        : Optional.empty();
  }

  /** A plan for a schema found in a container or given as the raw writer schema. */
  static WriterPlan of(Schema schema, SchemaDirectory directory) {
    return new WriterPlan(schema, Optional.empty(), directory);
  }

  /** A plan for a schema registered under a Confluent id, whose version the id gives. */
  static WriterPlan ofId(Schema schema, int id, SchemaDirectory directory) {
    return new WriterPlan(schema, Optional.of(SchemaDirectory.versionOfId(id)), directory);
  }

  Schema schema() {
    return schema;
  }

  GenericDatumReader<Object> reader() {
    return reader;
  }

  /** Reads the alert id alone, when the schema is a survey's and holds one. */
  Optional<AlertIdReader> idReader() {
    return idReader;
  }

  /** The survey view of one decoded datum. */
  Alert adapt(Object datum, CutoutDecoder cutouts) throws AlertDecodeException {
    if (survey.isEmpty() || !(datum instanceof GenericRecord record)) {
      throw new AlertDecodeException(
          RejectReason.UNKNOWN_SCHEMA, "record " + schema.getFullName() + " is neither a ZTF nor a Rubin alert");
    }
    if (survey.get() == Survey.ZTF) {
      return ZtfAlert.from(record, cutouts);
    }
    String version = fixedVersion
        .or(() -> Fields.text(record, "lsst_schema_version").flatMap(WriterPlan::lsstVersion))
        .or(() -> closestVersion)
        .orElse("unknown");
    return RubinAlert.from(record, version, cutouts);
  }

  private static Optional<String> namespaceVersion(Schema schema) {
    return schema.getType() == Schema.Type.RECORD && schema.getNamespace() != null
        ? lsstVersion(schema.getNamespace())
        : Optional.empty();
  }

  /** "9.0" from "lsst.v9_0". */
  private static Optional<String> lsstVersion(String text) {
    Matcher m = LSST_NAMESPACE.matcher(text);
    return m.matches() ? Optional.of(m.group(1) + "." + m.group(2)) : Optional.empty();
  }
}
