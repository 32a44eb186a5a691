package org.nightjar.app.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.nightjar.schemas.ScoresEncoding;
import org.nightjar.schemas.avro.AlertScores;

/**
 * Reads what a Nightjar instance wrote ({@code .scored} and {@code .dlq}, committed records
 * only) and keeps the tally a person wants to see: counts, reasons, tags, distinct alert ids,
 * end-to-end latency. Used by the demo, the benchmark and the integration tests.
 *
 * <p>Not thread-safe.
 */
public final class OutputTally implements AutoCloseable {
  /** Key of the scored count in {@link #bySurvey()}. */
  public static final String SCORED = "scored";
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String scoredTopic;
  private final String deadLetterTopic;
  private long scored;
  private long deadLettered;
  private final Map<String, Long> reasons = new TreeMap<>();
  private final Map<String, Long> tags = new TreeMap<>();
  private final Set<Long> alertIds = new HashSet<>();
  private long repeatedIds;
  private final List<Long> latenciesMs = new ArrayList<>();
  /** When the slowest record of the current latency sample was received (epoch ms), or 0. */
  private long slowestReceivedMs;
  private long slowestLatencyMs = -1;
  private final List<Double> reconstructionErrors = new ArrayList<>();
  private long withoutStamps;
  private final Map<String, String> tagByTopic = new TreeMap<>();
  private final Map<String, Long> tagTopicRecords = new TreeMap<>();
  private long withAnomaly;
  /** Per survey: alerts scored (key {@value #SCORED}) and the count of each tag. */
  private final Map<String, Map<String, Long>> bySurvey = new TreeMap<>();
  private long withArtifactProbability;
  private AlertScores mostAnomalous;
  private long firstReceivedMs = Long.MAX_VALUE;
  private long lastReceivedMs;

  public OutputTally(Properties clientProperties, String scoredTopic, String deadLetterTopic) {
    this(clientProperties, scoredTopic, deadLetterTopic, Map.of());
  }

  /**
   * @param tagTopics topic of each tag (e.g. {@code anomaly -> nightjar.anomaly}), whose records
   *     are counted as well
   */
  public OutputTally(Properties clientProperties, String scoredTopic, String deadLetterTopic, Map<String, String> tagTopics) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(p);
    this.scoredTopic = scoredTopic;
    this.deadLetterTopic = deadLetterTopic;
    // Assigned, not subscribed: no consumer-group join to wait for, so latencies are the stream's.
    List<TopicPartition> partitions = new ArrayList<>();
    tagTopics.forEach((tag, topic) -> tagByTopic.put(topic, tag));
    List<String> topics = new ArrayList<>(List.of(scoredTopic, deadLetterTopic));
    topics.addAll(tagByTopic.keySet());
    for (String topic : topics) {
      consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /**
   * Polls until {@code scored + deadLettered >= expected} (re-evaluated, since duplicates are
   * known only as the stream drops them) or the timeout; true when reached.
   */
  public boolean awaitTotal(java.util.function.LongSupplier expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (scored + deadLettered < expected.getAsLong() && System.nanoTime() < deadline) {
      poll(Duration.ofMillis(200));
    }
    return scored + deadLettered >= expected.getAsLong();
  }

  /** Polls for a while more, to catch anything emitted twice. */
  public void drain(Duration quiet) {
    long deadline = System.nanoTime() + quiet.toNanos();
    while (System.nanoTime() < deadline) {
      poll(Duration.ofMillis(200));
    }
  }

  private void poll(Duration timeout) {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
      long now = System.currentTimeMillis();
      firstReceivedMs = Math.min(firstReceivedMs, now);
      lastReceivedMs = Math.max(lastReceivedMs, now);
      if (tagByTopic.containsKey(r.topic())) {
        tagTopicRecords.merge(tagByTopic.get(r.topic()), 1L, Long::sum);
      } else if (r.topic().equals(deadLetterTopic)) {
        deadLettered++;
        reasons.merge(header(r, "nightjar.error.reason"), 1L, Long::sum);
      } else if (r.topic().equals(scoredTopic)) {
        scored++;
        long latency = now - r.timestamp();
        latenciesMs.add(latency);
        if (latency > slowestLatencyMs) {
          slowestLatencyMs = latency;
          slowestReceivedMs = now;
        }
        AlertScores s = decode(r.value());
        if (!alertIds.add(s.getAlertId())) {
          repeatedIds++;
        }
        s.getTags().forEach(t -> tags.merge(t.name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        Map<String, Long> survey = bySurvey.computeIfAbsent(s.getSurvey().toString(), k -> new TreeMap<>());
        survey.merge(SCORED, 1L, Long::sum);
        s.getTags().forEach(t -> survey.merge(t.name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        if (s.getArtifact() != null) {
          reconstructionErrors.add(s.getArtifact().getReconstructionError());
          if (s.getArtifact().getProbability() != null) {
            withArtifactProbability++;
          }
        }
        if (s.getAnomaly() != null) {
          withAnomaly++;
          if (mostAnomalous == null || s.getAnomaly().getScore() > mostAnomalous.getAnomaly().getScore()) {
            mostAnomalous = s;
          }
        }
        if (s.getFlags().contains(org.nightjar.schemas.avro.QualityFlag.NO_CUTOUTS)) {
          withoutStamps++;
        }
      }
    }
  }

  static AlertScores decode(byte[] bytes) {
    try {
      return ScoresEncoding.decode(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("a record on the scored topic is not AlertScores", e);
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
    Header h = r.headers().lastHeader(key);
    return h == null ? "(none)" : new String(h.value(), StandardCharsets.UTF_8);
  }

  public long scored() {
    return scored;
  }

  public long deadLettered() {
    return deadLettered;
  }

  public Map<String, Long> reasons() {
    return Collections.unmodifiableMap(reasons);
  }

  public Map<String, Long> tags() {
    return Collections.unmodifiableMap(tags);
  }

  public Set<Long> alertIds() {
    return Collections.unmodifiableSet(alertIds);
  }

  /** Scored records whose alert id had already been scored: must stay 0. */
  public long repeatedIds() {
    return repeatedIds;
  }

  /** Scored alerts whose packet carried no stamps (the image stages skip them). */
  public long withoutStamps() {
    return withoutStamps;
  }

  /** Records seen on each tag topic, by tag. */
  public Map<String, Long> tagTopicRecords() {
    return Collections.unmodifiableMap(tagTopicRecords);
  }

  /** Scored alerts with an anomaly section (score, percentile, neighbours). */
  /** Per survey: alerts scored (key {@link #SCORED}) and the count of each tag given. */
  public Map<String, Map<String, Long>> bySurvey() {
    Map<String, Map<String, Long>> copy = new TreeMap<>();
    bySurvey.forEach((survey, counts) -> copy.put(survey, new TreeMap<>(counts)));
    return copy;
  }

  public long withAnomaly() {
    return withAnomaly;
  }

  /** Scored alerts with an artifact probability. */
  public long withArtifactProbability() {
    return withArtifactProbability;
  }

  /** The scored alert with the highest anomaly score, if any had one. */
  public java.util.Optional<AlertScores> mostAnomalous() {
    return java.util.Optional.ofNullable(mostAnomalous);
  }

  public List<Double> reconstructionErrors() {
    return Collections.unmodifiableList(reconstructionErrors);
  }

  /** Latency percentile in milliseconds (0..100), from broker timestamp of the input to receipt. */
  public long latencyPercentileMs(double percentile) {
    if (latenciesMs.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(latenciesMs);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** Starts a new latency sample (after a warm-up, say); the counts carry on. */
  public void clearLatencies() {
    latenciesMs.clear();
    slowestLatencyMs = -1;
    slowestReceivedMs = 0;
  }

  /**
   * When the slowest scored record of the current latency sample came out (epoch ms, 0 before
   * any): the moment to look up in a GC or broker log when one stall sets a tail percentile.
   */
  public long slowestReceivedMs() {
    return slowestReceivedMs;
  }

  public long lastReceivedMs() {
    return lastReceivedMs;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
