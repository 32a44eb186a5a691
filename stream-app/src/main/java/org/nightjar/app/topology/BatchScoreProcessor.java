package org.nightjar.app.topology;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.models.ScoringException;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.ScoringResult;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.avro.BundleRef;
import org.nightjar.schemas.avro.Tag;

/**
 * Collects alerts into micro-batches and scores each batch in one pass of the pipeline. A batch
 * closes as soon as the input is drained (the stream thread found no new record since it last
 * looked), at {@code batch.max.size} alerts, or when its first alert has waited {@code
 * batch.max.wait.ms}, whichever comes first. So a quiet stream scores each alert at once, and a
 * backlog is scored in large batches, which is where batching pays.
 *
 * <p>Kafka Streams runs wall-clock punctuators between chunks of processing and after a poll; one
 * that finds no record processed since its previous run therefore sees a drained input.
 *
 * <p>Pending alerts wait in a changelogged store, not only in memory: the input offsets of
 * buffered alerts are committed with that store, so a crash before the batch closes loses nothing
 * (the buffer is restored) and, under exactly-once, emits nothing twice.
 */
final class BatchScoreProcessor implements Processor<byte[], Outcome, byte[], Outcome> {
  static final String STORE = "batch-buffer";
  /** How often the thread is asked whether the input is drained; the check itself costs nothing. */
  static final Duration DRAIN_CHECK = Duration.ofMillis(1);
  static final String SCORE_STAGE = "score";
  public static final String TAGS_HEADER = "nightjar.tags";
  public static final String BUNDLE_HEADER = "nightjar.bundle";

  private final AlertDecoder decoder;
  private final ScoringPipeline pipeline;
  private final Optional<BundleRef> bundle;
  private final ScoringMetrics metrics;
  private final int maxSize;
  private final Duration maxWait;
  private final boolean commitAfterBatch;
  private final Optional<Duration> dedupeRetention;
  private final Clock clock;
  private ProcessorContext<byte[], Outcome> context;
  private KeyValueStore<Long, Outcome> buffer;
  /**
   * What the buffer holds, in arrival order: a batch is read from here rather than back out of the
   * store, whose cache keeps each packet serialized and would copy it once more to hand it out.
   * The store stays the record that survives a crash; {@link #init} reloads this list from it.
   */
  private final List<Pending> pending = new ArrayList<>();
  private WindowStore<Long, Long> admittedIds;
  private long nextSequence;
  /** Records processed since the last drain check. */
  private long arrivedSinceCheck;
  /** Wall-clock time at which the oldest pending alert arrived. */
  private long oldestPendingMs;

  BatchScoreProcessor(AlertDecoder decoder, ScoringPipeline pipeline, Optional<BundleRef> bundle,
      ScoringMetrics metrics, int maxSize, Duration maxWait, boolean commitAfterBatch, Optional<Duration> dedupeRetention,
      Clock clock) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.bundle = Objects.requireNonNull(bundle, "bundle");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.maxSize = maxSize;
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    this.commitAfterBatch = commitAfterBatch;
    this.dedupeRetention = Objects.requireNonNull(dedupeRetention, "dedupeRetention");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void init(ProcessorContext<byte[], Outcome> context) {
    this.context = context;
    this.buffer = context.getStateStore(STORE);
    this.admittedIds = dedupeRetention.isPresent() ? context.getStateStore(DedupeProcessor.STORE) : null;
    // Keys are arrival sequence numbers: batches keep arrival order, repeats never collide.
    this.pending.clear();
    this.nextSequence = 0;
    try (KeyValueIterator<Long, Outcome> it = buffer.all()) {
      while (it.hasNext()) {
        KeyValue<Long, Outcome> kv = it.next();
        nextSequence = Math.max(nextSequence, kv.key + 1);
        pending.add(new Pending(kv.key, kv.value.envelope()));
      }
    }
    this.arrivedSinceCheck = 0;
    this.oldestPendingMs = context.currentSystemTimeMs();
    context.schedule(DRAIN_CHECK, PunctuationType.WALL_CLOCK_TIME, this::checkDrained);
  }

  @Override
  public void process(Record<byte[], Outcome> record) {
    if (pending.isEmpty()) {
      oldestPendingMs = context.currentSystemTimeMs();
    }
    long key = nextSequence++;
    buffer.put(key, record.value());
    pending.add(new Pending(key, record.value().envelope()));
    arrivedSinceCheck++;
    if (pending.size() >= maxSize) {
      flush();
    }
  }

  private void checkDrained(long now) {
    boolean drained = arrivedSinceCheck == 0;
    arrivedSinceCheck = 0;
    if (!pending.isEmpty() && (drained || now - oldestPendingMs >= maxWait.toMillis())) {
      flush();
    }
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<AlertEnvelope> envelopes = new ArrayList<>(pending.size());
    for (Pending p : pending) {
      buffer.delete(p.key());
      envelopes.add(p.envelope());
    }
    pending.clear();
    metrics.batch(envelopes.size());
    if (commitAfterBatch) {
      // A request: the stream thread commits once it is back in its loop, after this batch's output.
      context.commit();
    }

    List<Alert> alerts = new ArrayList<>(envelopes.size());
    List<AlertEnvelope> alertEnvelopes = new ArrayList<>(envelopes.size());
    for (AlertEnvelope e : envelopes) {
      try {
        alerts.add(decoder.decode(e.payload()));
        alertEnvelopes.add(e);
      } catch (AlertDecodeException | RuntimeException ex) {
        // Upstream read only the alert id: a packet broken elsewhere is refused here, as at decode.
        RejectReason reason = ex instanceof AlertDecodeException ade ? ade.reason() : RejectReason.UNEXPECTED;
        rejected(e, new DeadLetter(reason, DecodeProcessor.STAGE, ex.getClass().getName(), ex.getMessage(), e.source()));
      }
    }

    List<ScoringResult> results;
    try {
      results = pipeline.score(alerts);
    } catch (ScoringException | RuntimeException ex) {
      for (AlertEnvelope e : alertEnvelopes) {
        rejected(e, new DeadLetter(RejectReason.SCORING_FAILED, SCORE_STAGE, ex.getClass().getName(), ex.getMessage(), e.source()));
      }
      return;
    }
    long now = clock.millis();
    for (int i = 0; i < results.size(); i++) {
      AlertEnvelope e = alertEnvelopes.get(i);
      ScoringResult result = results.get(i);
      if (result instanceof ScoringResult.Scored s) {
        if (admit(s.alert().alertId(), e.source().timestamp())) {
          scored(e, s, now);
        } else {
          metrics.duplicate();
        }
      } else if (result instanceof ScoringResult.Rejected r) {
        var why = r.rejection();
        rejected(e, new DeadLetter(why.reason(), why.stage(), why.errorClass(), why.message(), e.source()));
      }
    }
  }

  private void scored(AlertEnvelope e, ScoringResult.Scored s, long now) {
    Headers headers = new RecordHeaders();
    String tags = s.tags().stream().map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    headers.add(TAGS_HEADER, tags.getBytes(StandardCharsets.UTF_8));
    bundle.ifPresent(b -> headers.add(BUNDLE_HEADER, (b.getName() + "@" + b.getVersion()).getBytes(StandardCharsets.UTF_8)));
    byte[] key = s.alert().objectId().getBytes(StandardCharsets.UTF_8);
    context.forward(new Record<>(key, new Outcome.Scored(e, s.scores(), s.tags()), e.source().timestamp(), headers));

    metrics.scored();
    for (Tag t : s.tags()) {
      metrics.tagged(t);
    }
    metrics.latency(e.source().timestamp(), s.alert().eventTime().toEpochMilli(), now);
  }

  /**
   * Records a scored alert's id; false when a copy was scored first (copies that arrive while
   * the first is still waiting in the buffer all get here). Dead-lettered copies never get here,
   * so they never block a good one.
   */
  private boolean admit(long alertId, long timestamp) {
    if (admittedIds == null) {
      return true;
    }
    if (DedupeProcessor.wasAdmitted(admittedIds, alertId, timestamp, dedupeRetention.get())) {
      return false;
    }
    admittedIds.put(alertId, timestamp, timestamp);
    return true;
  }

  /** A buffered alert and its key in the store. */
  private record Pending(long key, AlertEnvelope envelope) {}

  private void rejected(AlertEnvelope e, DeadLetter letter) {
    Headers headers = new RecordHeaders();
    letter.writeTo(headers);
    context.forward(new Record<>(null, new Outcome.Rejected(e, letter), e.source().timestamp(), headers));
  }
}
