package org.nightjar.app.topology;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.RejectReason;

/**
 * First stage: decodes each message (not yet its stamps) to learn its alert id, and re-keys it by
 * that id so that repeats of one alert meet in one partition. Undecodable messages become
 * {@link Outcome.Rejected} with the original key and bytes.
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
      Alert alert = decoder.decode(payload);
      metrics.stageCompleted(STAGE, System.nanoTime() - start, 1);
      context.forward(record.withKey(alertIdKey(alert.alertId())).withValue(new Outcome.Decoded(envelope, alert.alertId())));
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

  /** The alert id as the 8-byte big-endian key of the repartition topic. */
  static byte[] alertIdKey(long alertId) {
    return ByteBuffer.allocate(Long.BYTES).putLong(alertId).array();
  }
}
