package org.nightjar.schemas.avro;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads fields of a generic record by name, whatever the writer schema: absent fields, nulls and
 * unions with null all read as empty. Survey schemas differ between versions and re-writers (Fink
 * makes every field a union with null), so adapters never index fields by position.
 */
public final class Fields {
  private Fields() {}

  /** The value of {@code name}, or null when the schema has no such field or the value is null. */
  public static Object get(GenericRecord record, String name) {
    if (record == null) {
      return null;
    }
    Schema.Field field = record.getSchema().getField(name);
    return field == null ? null : record.get(field.pos());
  }

  public static boolean has(Schema recordSchema, String name) {
    return recordSchema.getType() == Schema.Type.RECORD && recordSchema.getField(name) != null;
  }

  /** The record type of field {@code name} (unwrapping a union with null), or null. */
  public static Schema recordType(Schema recordSchema, String name) {
    if (recordSchema.getType() != Schema.Type.RECORD) {
      return null;
    }
    Schema.Field field = recordSchema.getField(name);
    if (field == null) {
      return null;
    }
    Schema type = field.schema();
    if (type.getType() == Schema.Type.UNION) {
      for (Schema branch : type.getTypes()) {
        if (branch.getType() == Schema.Type.RECORD) {
          return branch;
        }
      }
      return null;
    }
    return type.getType() == Schema.Type.RECORD ? type : null;
  }

  public static GenericRecord record(GenericRecord record, String name) {
    return get(record, name) instanceof GenericRecord r ? r : null;
  }

  /** An integral value; floating-point values count only when they are exact integers. */
  public static OptionalLong longValue(GenericRecord record, String name) {
    Object v = get(record, name);
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return OptionalLong.of(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      return wholeNumber(((Number) v).doubleValue());
    }
    return OptionalLong.empty();
  }

  /** The value as a long when it is an exact integer within the range of one. */
  public static OptionalLong wholeNumber(double d) {
    return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? OptionalLong.of((long) d) : OptionalLong.empty();
  }

  /** A numeric value widened to double (NaN kept: callers decide). */
  public static OptionalDouble doubleValue(GenericRecord record, String name) {
    return get(record, name) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  /** A finite numeric value; NaN and infinities read as empty. */
  public static OptionalDouble finiteDouble(GenericRecord record, String name) {
    OptionalDouble v = doubleValue(record, name);
    return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v : OptionalDouble.empty();
  }

  /** A string or enum value as a Java string. */
  public static Optional<String> text(GenericRecord record, String name) {
    Object v = get(record, name);
    if (v instanceof CharSequence || v instanceof GenericEnumSymbol<?>) {
      return Optional.of(v.toString());
    }
    return Optional.empty();
  }

  /** A bytes value as a read-only view. */
  public static Optional<ByteBuffer> bytes(GenericRecord record, String name) {
    Object v = get(record, name);
    if (v instanceof ByteBuffer b) {
      return Optional.of(b.asReadOnlyBuffer());
    }
    if (v instanceof byte[] a) {
      return Optional.of(ByteBuffer.wrap(a).asReadOnlyBuffer());
    }
    return Optional.empty();
  }
}
