package org.nightjar.models;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration values a stage reads when it is created ({@code embed.workers},
 * {@code anomaly.k}, ...), as resolved by the application; each stage checks its own keys, so a
 * new stage brings its keys along without a change elsewhere. Immutable.
 */
public final class StageSettings {

  /** A value is missing or out of range; the application turns it into a startup error. */
  public static final class InvalidSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String value;
    private final String allowed;

    public InvalidSettingException(String key, String value, String allowed) {
      super("setting '" + key + "' has value '" + value + "'; allowed: " + allowed);
      this.key = key;
      this.value = value;
      this.allowed = allowed;
    }

    public String key() {
      return key;
    }

    public String value() {
      return value;
    }

    public String allowed() {
      return allowed;
    }
  }

  private static final StageSettings EMPTY = new StageSettings(Map.of());

  private final Map<String, String> values;

  public StageSettings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** No settings at all: every stage runs with its defaults. */
  public static StageSettings none() {
    return EMPTY;
  }

  /** The value of {@code key}, or empty when absent or blank. */
  public Optional<String> text(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public int intValue(String key, int defaultValue, int min, int max) {
    Optional<String> v = text(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      int i = Integer.parseInt(v.get());
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSettingException(key, v.get(), "an integer in [" + min + ", " + max + "]");
  }

  public double doubleValue(String key, double defaultValue, double min, double max) {
    Optional<String> v = text(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      double d = Double.parseDouble(v.get());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSettingException(key, v.get(), "a number in [" + min + ", " + max + "]");
  }

  public boolean booleanValue(String key, boolean defaultValue) {
    Optional<String> v = text(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    return switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidSettingException(key, v.get(), "true or false");
    };
  }

  /** The value of {@code key} as one of {@code allowed} (case-insensitive), lower case. */
  public String choice(String key, String defaultValue, String... allowed) {
    String v = text(key).orElse(defaultValue).toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw new InvalidSettingException(key, v, String.join(" or ", allowed));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StageSettings s && s.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values);
  }
}
