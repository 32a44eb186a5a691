package org.nightjar.app.cli;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON values of an Avro record with the schema's field names: unions unwrapped, enums as
 * their symbols, timestamps as the epoch milliseconds the schema stores. Avro's own JSON encoding
 * wraps every union value in a type object, which people reading a terminal do not want.
 */
final class AvroJson {
  private AvroJson() {}

  static Object toPlain(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof IndexedRecord r) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Schema.Field f : r.getSchema().getFields()) {
        m.put(f.name(), toPlain(r.get(f.pos())));
      }
      return m;
    }
    if (value instanceof Instant t) {
      return t.toEpochMilli();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> m = new LinkedHashMap<>();
      map.forEach((k, v) -> m.put(k.toString(), toPlain(v)));
      return m;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(toPlain(v)));
      return out;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof GenericContainer || value instanceof CharSequence) {
      return value.toString();
    }
    if (value instanceof ByteBuffer) {
      throw new IllegalArgumentException("bytes fields are not part of the output schema");
    }
    return value;
  }
}
