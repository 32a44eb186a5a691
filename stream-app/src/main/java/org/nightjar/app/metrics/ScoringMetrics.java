package org.nightjar.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.StageListener;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.avro.Tag;

/**
 * Nightjar's own meters, named the Micrometer way (dotted, lower case); Prometheus renders them
 * as {@code nightjar_alerts_consumed_total}, {@code nightjar_stage_duration_seconds}, ... and the
 * Grafana dashboard uses exactly those names. Thread-safe.
 */
public final class ScoringMetrics implements StageListener {
  private final MeterRegistry registry;
  private final Counter consumed;
  private final Counter scored;
  private final Counter duplicates;
  private final Counter repartitioned;
  private final DistributionSummary batchSize;
  private final Timer brokerLatency;
  private final Timer eventLatency;

  public ScoringMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    consumed = Counter.builder("nightjar.alerts.consumed").description("Messages read from the input topics").register(registry);
    scored = Counter.builder("nightjar.alerts.scored").description("Alerts scored and written to the scored topic").register(registry);
    duplicates = Counter.builder("nightjar.alerts.duplicates").description("Alerts dropped as repeats of an alert id already scored").register(registry);
    repartitioned = Counter.builder("nightjar.alerts.repartitioned")
        .description("Alerts sent through the repartition topic to their alert id's partition (the rest arrived there)").register(registry);
    batchSize = DistributionSummary.builder("nightjar.batch.size").description("Alerts per scored micro-batch")
        .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(65_536.0).register(registry);
    brokerLatency = Timer.builder("nightjar.latency.broker").description("From the input record's broker timestamp to its scores")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
    eventLatency = Timer.builder("nightjar.latency.event").description("From the alert's exposure time to its scores")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(1)).register(registry);
    // A counter that appears only at its first increment leaves the dashboard and the alert
    // rules without data on a clean night: every reason and every tag is exported from the start.
    for (RejectReason reason : RejectReason.values()) {
      deadLetters(reason, firstStage(reason));
    }
    for (Tag tag : Tag.values()) {
      tags(tag);
    }
  }

  /** Metrics kept in memory only (tests, offline commands). */
  public static ScoringMetrics inMemory() {
    return new ScoringMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void consumed() {
    consumed.increment();
  }

  public void scored() {
    scored.increment();
  }

  public void duplicate() {
    duplicates.increment();
  }

  public void repartitioned() {
    repartitioned.increment();
  }

  public void deadLettered(RejectReason reason, String stage) {
    deadLetters(reason, stage).increment();
  }

  public void tagged(Tag tag) {
    tags(tag).increment();
  }

  private Counter deadLetters(RejectReason reason, String stage) {
    return Counter.builder("nightjar.alerts.deadlettered").description("Messages sent to the dead-letter topic")
        .tag("reason", reason.code()).tag("stage", stage).register(registry);
  }

  private Counter tags(Tag tag) {
    return Counter.builder("nightjar.alerts.tagged").description("Alerts given a tag")
        .tag("tag", tag.name().toLowerCase(Locale.ROOT)).register(registry);
  }

  /**
   * The stage that first meets a reason (the topology's decode and score stages, the pipeline's
   * stamp inspection), for its zero series; later stages that meet it add series of their own.
   */
  static String firstStage(RejectReason reason) {
    return switch (reason) {
      case NOT_AVRO, CORRUPT_CONTAINER, EMPTY_CONTAINER, UNKNOWN_SCHEMA_ID, UNKNOWN_SCHEMA, MISSING_FIELD, UNEXPECTED -> "decode";
      case TRUNCATED_GZIP, DECOMPRESSION_BOMB, NOT_FITS, ABSURD_FITS_HEADER -> ScoringPipeline.CUTOUT_STAGE;
      case SCORING_FAILED -> "score";
    };
  }

  public void batch(int size) {
    batchSize.record(size);
  }

  /** Micro-batches scored so far and the alerts they held, for a mean batch size over a span. */
  public BatchTotals batchTotals() {
    return new BatchTotals(batchSize.count(), (long) batchSize.totalAmount());
  }

  /** Running totals of {@link #batch}. */
  public record BatchTotals(long batches, long alerts) {
    /** Mean alerts per batch since {@code earlier}; NaN when no batch closed in between. */
    public double meanSince(BatchTotals earlier) {
      long n = batches - earlier.batches;
      return n == 0 ? Double.NaN : (double) (alerts - earlier.alerts) / n;
    }
  }

  public void latency(long brokerTimestampMs, long eventTimeMs, long nowMs) {
    if (brokerTimestampMs > 0 && nowMs >= brokerTimestampMs) {
      brokerLatency.record(nowMs - brokerTimestampMs, TimeUnit.MILLISECONDS);
    }
    if (nowMs >= eventTimeMs) {
      eventLatency.record(nowMs - eventTimeMs, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stageCompleted(String stage, long nanos, int size) {
    Timer.builder("nightjar.stage.duration").description("Time a stage spends on one micro-batch")
        .tag("stage", stage).publishPercentileHistogram().register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Sum of a counter family over all its tags; 0 when never incremented. */
  public double count(String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }
}
