package org.nightjar.app.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The machine-readable last line of a benchmark: {@code key=value} pairs in the order they were put. */
final class KeyValues {
  private final Map<String, String> values = new LinkedHashMap<>();

  KeyValues put(String key, String format, Object value) {
    values.put(key, String.format(Locale.ROOT, format, value));
    return this;
  }

  @Override
  public String toString() {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }
}
