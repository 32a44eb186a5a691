package org.nightjar.app.topology;

import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.RejectReason;

/**
 * First stage: reads each message's alert id (without decoding the rest of the packet where the
 * schema allows: the full decode comes once, when the alert is scored) and re-keys the message by
 * that id so that repeats of one alert meet in one partition. Messages without a readable id
 * become {@link Outcome.Rejected} with the original key and bytes; a packet broken beyond its id
 * is refused, in the same way, when its batch is scored.
 */
final class DecodeProcessor implements Processor<byte[], byte[], byte[], Outcome> {
  static final String STAGE = "decode";

  private final AlertDecoder decoder;
  private final ScoringMetrics metrics;
  private ProcessorContext<byte[], Outcome> context;

  DecodeProcessor(AlertDecoder decoder, ScoringMetrics metrics) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void init(ProcessorContext<byte[], Outcome> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    metrics.consumed();
    RecordMetadata meta = context.recordMetadata().orElseThrow();
    SourceRef source = new SourceRef(meta.topic(), meta.partition(), meta.offset(), record.timestamp());
    byte[] payload = record.value() == null ? new byte[0] : record.value();
    AlertEnvelope envelope = new AlertEnvelope(payload, source);
    long start = System.nanoTime();
    try {
      long alertId = decoder.alertId(payload);
      metrics.stageCompleted(STAGE, System.nanoTime() - start, 1);
      context.forward(record.withKey(AlertIdPartitioner.keyOf(alertId)).withValue(new Outcome.Decoded(envelope, alertId)));
    } catch (AlertDecodeException e) {
      reject(record, envelope, new DeadLetter(e.reason(), STAGE, e.getClass().getName(), e.getMessage(), source));
    } catch (RuntimeException e) {
      // Any decoder failure is about this message alone: keep it, never stop the stream.
      reject(record, envelope, new DeadLetter(RejectReason.UNEXPECTED, STAGE, e.getClass().getName(), e.getMessage(), source));
    }
  }

  private void reject(Record<byte[], byte[]> record, AlertEnvelope envelope, DeadLetter letter) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    letter.writeTo(headers);
    context.forward(record.withValue((Outcome) new Outcome.Rejected(envelope, letter)).withHeaders(headers));
  }
}
