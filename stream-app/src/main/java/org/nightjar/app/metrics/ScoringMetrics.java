package org.nightjar.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
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
  private final DistributionSummary batchSize;
  private final Timer brokerLatency;
  private final Timer eventLatency;

  public ScoringMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    consumed = Counter.builder("nightjar.alerts.consumed").description("Messages read from the input topics").register(registry);
    scored = Counter.builder("nightjar.alerts.scored").description("Alerts scored and written to the scored topic").register(registry);
    duplicates = Counter.builder("nightjar.alerts.duplicates").description("Alerts dropped as repeats of an alert id already scored").register(registry);
    batchSize = DistributionSummary.builder("nightjar.batch.size").description("Alerts per scored micro-batch")
        .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(65_536.0).register(registry);
    brokerLatency = Timer.builder("nightjar.latency.broker").description("From the input record's broker timestamp to its scores")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
    eventLatency = Timer.builder("nightjar.latency.event").description("From the alert's exposure time to its scores")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(1)).register(registry);
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

  public void deadLettered(RejectReason reason, String stage) {
    Counter.builder("nightjar.alerts.deadlettered").description("Messages sent to the dead-letter topic")
        .tag("reason", reason.code()).tag("stage", stage).register(registry).increment();
  }

  public void tagged(Tag tag) {
    Counter.builder("nightjar.alerts.tagged").description("Alerts given a tag")
        .tag("tag", tag.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
  }

  public void batch(int size) {
    batchSize.record(size);
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
