package org.nightjar.app.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nightjar.models.StageCatalog;
import org.nightjar.schemas.avro.Tag;

/**
 * The resolved, validated configuration of one Nightjar instance. Built once by {@link
 * ConfigLoader} and passed through constructors; immutable.
 *
 * @param instanceId {@code auto}, {@code none} or the instance's own id (see {@link StaticMembership})
 * @param stageSettings every resolved key outside {@code kafka.}; each scoring stage reads and
 *     checks its own (e.g. {@code embed.workers}, {@code anomaly.k}) when it is created
 * @param kafka client settings passed straight to Kafka (keys without the {@code kafka.} prefix)
 */
public record AppConfig(
    List<String> inputTopics,
    String outputPrefix,
    String applicationId,
    String instanceId,
    String processingGuarantee,
    int numStreamThreads,
    long commitIntervalMs,
    int batchMaxSize,
    Duration batchMaxWait,
    boolean commitAfterBatch,
    boolean dedupeEnabled,
    Duration dedupeRetention,
    DedupeScope dedupeScope,
    Optional<String> codecSchemaDir,
    Optional<String> codecRegistryUrl,
    Optional<String> codecRawWriterSchema,
    long codecMaxInflatedCutoutBytes,
    Optional<String> bundlePath,
    List<String> scorers,
    Map<String, String> stageSettings,
    String metricsHost,
    int metricsPort,
    Map<String, String> kafka) {

  public AppConfig {
    inputTopics = List.copyOf(inputTopics);
    scorers = List.copyOf(scorers);
    kafka = Map.copyOf(kafka);
    stageSettings = Map.copyOf(stageSettings);
    if (inputTopics.isEmpty()) {
      throw new ConfigException("input.topics", "", "at least one topic");
    }
    requireMatch("output.prefix", outputPrefix, "[A-Za-z0-9._-]+");
    requireMatch("application.id", applicationId, "[A-Za-z0-9._-]+");
    requireMatch("instance.id", instanceId, "[A-Za-z0-9._-]{1,200}");
    if (!processingGuarantee.equals("exactly_once_v2") && !processingGuarantee.equals("at_least_once")) {
      throw new ConfigException("processing.guarantee", processingGuarantee, "exactly_once_v2 or at_least_once");
    }
    requireRange("num.stream.threads", numStreamThreads, 1, 64);
    requireRange("commit.interval.ms", commitIntervalMs, 1, 600_000);
    requireRange("batch.max.size", batchMaxSize, 1, 65_536);
    requireRange("batch.max.wait.ms", batchMaxWait.toMillis(), 1, 60_000);
    requireRange("dedupe.retention.hours", dedupeRetention.toHours(), 1, 24 * 30);
    requireRange("codec.max.inflated.cutout.bytes", codecMaxInflatedCutoutBytes, 4_096, 1L << 30);
    requireRange("metrics.port", metricsPort, 0, 65_535);
    requireMatch("metrics.host", metricsHost, "[A-Za-z0-9.:_-]+");
    Optional<String> stageProblem = StageCatalog.problem(scorers);
    if (stageProblem.isPresent()) {
      throw new ConfigException("scorers", String.join(",", scorers), "a comma-separated list of stages from "
          + StageCatalog.names() + ", each after the stages it needs (" + stageProblem.get() + ")");
    }
    Objects.requireNonNull(dedupeScope, "dedupeScope");
    Objects.requireNonNull(bundlePath);
    Objects.requireNonNull(codecSchemaDir);
    Objects.requireNonNull(codecRegistryUrl);
    Objects.requireNonNull(codecRawWriterSchema);
  }

  /**
   * Whether alerts are re-keyed by alert id through a repartition topic before they are scored:
   * only when deduplication needs copies from every input partition to meet.
   */
  public boolean repartitionByAlertId() {
    return dedupeEnabled && dedupeScope == DedupeScope.ALERT_ID;
  }

  /** Topic of scored records, keyed by object id. */
  public String scoredTopic() {
    return outputPrefix + ".scored";
  }

  /** Topic of messages that could not be scored, with the reason in headers. */
  public String deadLetterTopic() {
    return outputPrefix + ".dlq";
  }

  /** Topic of original packets carrying one tag, e.g. {@code nightjar.anomaly}. */
  public String tagTopic(String tagName) {
    return outputPrefix + "." + tagName;
  }

  /** Every topic the stream writes: scored, dead letters and one per tag (for creating them up front). */
  public List<String> outputTopics() {
    return outputTopics(outputPrefix);
  }

  /** The output topics under {@code prefix}. */
  public static List<String> outputTopics(String prefix) {
    List<String> topics = new ArrayList<>(List.of(prefix + ".scored", prefix + ".dlq"));
    for (Tag t : Tag.values()) {
      topics.add(prefix + "." + t.name().toLowerCase(Locale.ROOT));
    }
    return topics;
  }

  private static void requireMatch(String key, String value, String regex) {
    if (value == null || !value.matches(regex)) {
      throw new ConfigException(key, String.valueOf(value), "characters " + regex);
    }
  }

  private static void requireRange(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ConfigException(key, Long.toString(value), "[" + min + ", " + max + "]");
    }
  }
}
