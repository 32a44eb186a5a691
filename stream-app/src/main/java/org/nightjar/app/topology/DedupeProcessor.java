package org.nightjar.app.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.nightjar.app.metrics.ScoringMetrics;

/**
 * Drops an alert whose id was already admitted within the retention window. When an admitted
 * alert is later dead-lettered (a corrupt stamp), {@link BatchScoreProcessor} forgets its id, so
 * a good copy arriving afterwards is still scored. The ids live in a changelogged window store: a
 * restart or a rebalance remembers them, and under exactly-once the store update and the output
 * commit together.
 *
 * <p>One window is left: when a corrupt copy and a good copy of one alert arrive within the same
 * micro-batch, the good copy is counted as a duplicate before the corrupt one is dead-lettered.
 * Both stay visible (the dead letter and the duplicate count); the alert can be replayed.
 */
final class DedupeProcessor implements Processor<byte[], Outcome, byte[], Outcome> {
  static final String STORE = "alert-ids";

  private final Duration retention;
  private final ScoringMetrics metrics;
  private ProcessorContext<byte[], Outcome> context;
  private WindowStore<Long, Long> seen;

  DedupeProcessor(Duration retention, ScoringMetrics metrics) {
    this.retention = Objects.requireNonNull(retention, "retention");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void init(ProcessorContext<byte[], Outcome> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
  }

  /** Whether {@code alertId} was admitted within the retention around {@code timestamp}. */
  static boolean wasAdmitted(WindowStore<Long, Long> seen, long alertId, long timestamp, Duration retention) {
    Instant t = Instant.ofEpochMilli(timestamp);
    try (WindowStoreIterator<Long> it = seen.fetch(alertId, t.minus(retention), t.plus(retention))) {
      return it.hasNext();
    }
  }

  @Override
  public void process(Record<byte[], Outcome> record) {
    Outcome.Decoded decoded = (Outcome.Decoded) record.value();
    long id = decoded.alertId();
    long ts = record.timestamp();
    if (wasAdmitted(seen, id, ts, retention)) {
      metrics.duplicate();
      return;
    }
    seen.put(id, ts, ts);
    context.forward(record);
  }
}
