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
 * Drops an alert whose id was already seen within the retention window. The ids live in a
 * changelogged window store, so a restart or a rebalance remembers them; under exactly-once the
 * store update and the forward commit together.
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

  @Override
  public void process(Record<byte[], Outcome> record) {
    Outcome.Decoded decoded = (Outcome.Decoded) record.value();
    long id = decoded.alertId();
    long ts = record.timestamp();
    try (WindowStoreIterator<Long> it = seen.fetch(id, Instant.ofEpochMilli(ts).minus(retention), Instant.ofEpochMilli(ts).plus(retention))) {
      if (it.hasNext()) {
        metrics.duplicate();
        return;
      }
    }
    seen.put(id, ts, ts);
    context.forward(record);
  }
}
