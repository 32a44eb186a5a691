package org.nightjar.app.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where repeated alert ids are looked for ({@code dedupe.scope}).
 *
 * <p>{@link #ALERT_ID} re-keys every alert by its id through a repartition topic before the
 * dedupe store, so copies meet whichever input partitions they arrived on: correct for any input,
 * at the cost of a second transaction before an alert can come out under exactly-once. Alerts
 * that arrived on their id's own partition skip the topic (see {@code AlertIdPartitioner}).
 * {@link #PARTITION} looks only among the alerts of the same input partition, without that hop:
 * correct when a copy always lands in the partition of its original, as when the producer keys
 * alerts by alert id (or object id).
 */
public enum DedupeScope {
  ALERT_ID("alert-id"),
  PARTITION("partition");

  private final String key;

  DedupeScope(String key) {
    this.key = key;
  }

  /** The configuration value, e.g. {@code alert-id}. */
  public String key() {
    return key;
  }

  /** @throws ConfigException naming the accepted values */
  public static DedupeScope parse(String value) {
    return Arrays.stream(values()).filter(s -> s.key.equals(value.trim().toLowerCase(Locale.ROOT))).findFirst()
        .orElseThrow(() -> new ConfigException("dedupe.scope", value,
            Arrays.stream(values()).map(DedupeScope::key).collect(Collectors.joining(" or "))));
  }
}
