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
import org.nightjar.models.CutoutInspector;
import org.nightjar.schemas.AlertDecodeException;

/**
 * Drops an alert whose id was already scored within the retention window, before it costs a
 * place in a batch. Ids are recorded by {@link BatchScoreProcessor} when an alert is scored, not
 * here when it arrives: a copy that is dead-lettered (a corrupt stamp) never blocks a good copy,
 * whether that copy arrives later or in the same micro-batch. The ids live in a changelogged
 * window store: a restart or a rebalance remembers them, and under exactly-once the store update
 * and the output commit together.
 *
 * <p>A copy is a duplicate only if it is itself a readable alert: its packet decodes and its
 * stamps are readable. A broken copy of a scored alert goes on to the batch, which dead-letters
 * it with its reason, just as when it arrives before the good copy. So what comes out for each
 * message does not depend on the order in which copies meet (across input partitions, that order
 * is not fixed), and bad input is never counted away as a repeat. Only copies pay this check.
 */
final class DedupeProcessor implements Processor<byte[], Outcome, byte[], Outcome> {
  static final String STORE = "alert-ids";

  private final AlertDecoder decoder;
  private final Duration retention;
  private final ScoringMetrics metrics;
  private ProcessorContext<byte[], Outcome> context;
  private WindowStore<Long, Long> seen;

  DedupeProcessor(AlertDecoder decoder, Duration retention, ScoringMetrics metrics) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void init(ProcessorContext<byte[], Outcome> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
  }

  /** Whether {@code alertId} was scored within the retention around {@code timestamp}. */
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
    if (wasAdmitted(seen, id, ts, retention) && isReadable(decoded.envelope().payload())) {
      metrics.duplicate();
      return;
    }
    context.forward(record);
  }

  /** Whether the packet and every stamp in it decode, as scoring would find them. */
  private boolean isReadable(byte[] payload) {
    try {
      CutoutInspector.inspect(decoder.decode(payload));
      return true;
    } catch (AlertDecodeException | RuntimeException e) {
      return false;
    }
  }
}
