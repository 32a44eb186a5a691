package org.nightjar.schemas;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.Decoder;
import org.nightjar.schemas.avro.Fields;

/**
 * Reads an alert's id from its binary record without decoding the rest: it walks the writer
 * schema's fields in order, skips those that cannot hold the id, and stops as soon as the id is
 * known. A ZTF packet's {@code candid} is its fourth field, so the walk reads a few dozen bytes of
 * a 60 KB packet; the full decode builds every field of the photometry history.
 *
 * <p>The id may sit at several places, tried in order (the same order as the survey's full
 * decode): the first that the record holds with a value wins. A place that the writer schema
 * lacks, or that holds null, passes to the next. Immutable and thread-safe.
 */
final class AlertIdReader {
  /** Types an id may have; a floating-point id counts when it is a whole number, as in the full decode. */
  private static final Set<Schema.Type> NUMBERS = EnumSet.of(Schema.Type.LONG, Schema.Type.INT, Schema.Type.DOUBLE, Schema.Type.FLOAT);
  private final Schema record;
  /** Field paths, in order of precedence, each present in the writer schema. */
  private final List<String[]> paths;

  private AlertIdReader(Schema record, List<String[]> paths) {
    this.record = record;
    this.paths = paths;
  }

  /**
   * A reader over {@code writer} for the id at {@code places} (dotted field paths in order of
   * precedence); empty when the schema holds none of them as a number.
   */
  static Optional<AlertIdReader> of(Schema writer, List<String> places) {
    List<String[]> present = new ArrayList<>();
    for (String place : places) {
      String[] path = place.split("\\.");
      if (leafType(writer, path, 0) != null) {
        present.add(path);
      }
    }
    return present.isEmpty() ? Optional.empty() : Optional.of(new AlertIdReader(writer, List.copyOf(present)));
  }

  /**
   * The id, or empty when every place holds null. The decoder is left wherever the walk stopped.
   *
   * @throws IOException when the bytes do not follow the writer schema
   */
  OptionalLong read(Decoder in) throws IOException {
    Found found = new Found(paths.size());
    walk(record, in, allPaths(), 0, found);
    return found.winner();
  }

  private int[] allPaths() {
    int[] all = new int[paths.size()];
    Arrays.setAll(all, i -> i);
    return all;
  }

  /**
   * Reads the fields of {@code schema} (a record) that the paths {@code wanted} go through at
   * {@code depth}, skipping the others; returns false once the id is decided, and the caller
   * stops reading too.
   */
  private boolean walk(Schema schema, Decoder in, int[] wanted, int depth, Found found) throws IOException {
    for (Schema.Field field : schema.getFields()) {
      if (found.decided()) {
        return false;
      }
      int[] through = through(wanted, depth, field.name());
      if (through.length == 0) {
        GenericDatumReader.skip(field.schema(), in);
        continue;
      }
      Schema type = field.schema();
      if (type.getType() == Schema.Type.UNION) {
        type = type.getTypes().get(in.readIndex());
      }
      switch (type.getType()) {
        case NULL -> found.absent(through);
        case LONG -> found.value(through, in.readLong());
        case INT -> found.value(through, in.readInt());
        case DOUBLE -> found.integral(through, in.readDouble());
        case FLOAT -> found.integral(through, in.readFloat());
        case RECORD -> {
          if (!walk(type, in, through, depth + 1, found)) {
            return false;
          }
        }
        default -> {
          // A branch of a union that cannot hold the id: nothing there for these paths.
          GenericDatumReader.skip(type, in);
          found.absent(through);
        }
      }
    }
    // Paths that ended inside this record without their field: absent.
    found.absent(wanted);
    return !found.decided();
  }

  /** The paths among {@code wanted} whose segment at {@code depth} is {@code name}. */
  private int[] through(int[] wanted, int depth, String name) {
    return Arrays.stream(wanted).filter(p -> paths.get(p).length > depth && paths.get(p)[depth].equals(name)).toArray();
  }

  /** The type at the end of {@code path} when it is a number (unions with null allowed), else null. */
  private static Schema leafType(Schema schema, String[] path, int depth) {
    Schema s = nonNull(schema);
    if (depth == path.length) {
      return s != null && NUMBERS.contains(s.getType()) ? s : null;
    }
    if (s == null || s.getType() != Schema.Type.RECORD || s.getField(path[depth]) == null) {
      return null;
    }
    return leafType(s.getField(path[depth]).schema(), path, depth + 1);
  }

  /** The schema itself, or the one non-null branch of a nullable union; null otherwise. */
  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
    return branches.size() == 1 ? branches.get(0) : null;
  }

  /** What the walk has learnt of each path so far. */
  private static final class Found {
    private final boolean[] resolved;
    private final long[] values;
    private final boolean[] present;

    Found(int n) {
      resolved = new boolean[n];
      values = new long[n];
      present = new boolean[n];
    }

    void value(int[] paths, long value) {
      for (int p : paths) {
        resolved[p] = true;
        present[p] = true;
        values[p] = value;
      }
    }

    void integral(int[] paths, double value) {
      OptionalLong whole = Fields.wholeNumber(value);
      if (whole.isPresent()) {
        value(paths, whole.getAsLong());
      } else {
        absent(paths);
      }
    }

    void absent(int[] paths) {
      for (int p : paths) {
        resolved[p] = true;
      }
    }

    /** True once a path holds a value and every path before it is resolved. */
    boolean decided() {
      for (int p = 0; p < resolved.length; p++) {
        if (!resolved[p]) {
          return false;
        }
        if (present[p]) {
          return true;
        }
      }
      return true;
    }

    OptionalLong winner() {
      for (int p = 0; p < resolved.length; p++) {
        if (present[p]) {
          return OptionalLong.of(values[p]);
        }
      }
      return OptionalLong.empty();
    }
  }
}
