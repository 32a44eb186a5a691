package org.nightjar.app.topology;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.schemas.avro.BundleRef;
import org.nightjar.schemas.avro.Tag;

/**
 * The Nightjar stream: decode → re-key by alert id → dedupe → micro-batch → score → route. The
 * re-keying hop is there only for {@code dedupe.scope=alert-id} (see {@link
 * org.nightjar.app.config.DedupeScope}), and only for alerts that did not arrive on their id's own
 * partition ({@link AlertIdPartitioner}). Either way one sub-topology does everything.
 *
 * <pre>
 * input topics ──bytes──▶ decode ──▶ repartition by alert id ──▶ dedupe ──▶ batch+score ─┬─▶ prefix.scored (AlertScores)
 *                           │                                                             ├─▶ prefix.&lt;tag&gt; (original bytes + tag headers)
 *                           └──────────────── undecodable ───────────┬────────────────────┴─▶ prefix.dlq (original bytes + reason headers)
 * </pre>
 *
 * (The repartition step is a topic only for the alerts that arrived away from their id's partition.)
 *
 * Processor and store names are fixed with {@link Named}, so state survives refactoring.
 */
public final class AlertTopology {
  private final AppConfig config;
  private final AlertDecoder decoder;
  private final ScoringPipeline pipeline;
  private final Optional<BundleRef> bundle;
  private final ScoringMetrics metrics;
  private final Clock clock;

  public AlertTopology(AppConfig config, AlertDecoder decoder, ScoringPipeline pipeline,
      Optional<BundleRef> bundle, ScoringMetrics metrics, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.bundle = Objects.requireNonNull(bundle, "bundle");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Topology build() {
    Serde<byte[]> bytes = Serdes.ByteArray();
    Serde<Outcome> envelopeSerde = OutcomeSerdes.decodedEnvelope();
    StreamsBuilder builder = new StreamsBuilder();

    // Cached: an alert put and deleted within one commit interval never reaches the changelog
    // (only a tombstone does), so a full packet is written there only when a batch spans a commit.
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(BatchScoreProcessor.STORE), Serdes.Long(), envelopeSerde).withCachingEnabled());

    KStream<byte[], byte[]> input = builder.stream(config.inputTopics(), Consumed.with(bytes, bytes).withName("alerts-in"));
    Map<String, KStream<byte[], Outcome>> decoded = input
        .process(() -> new DecodeProcessor(decoder, metrics), Named.as("decode"))
        .split(Named.as("decode-"))
        .branch((k, v) -> v instanceof Outcome.Rejected, Branched.as("rejected"))
        .defaultBranch(Branched.as("ok"));

    KStream<byte[], Outcome> byAlertId = decoded.get("decode-ok");
    if (config.repartitionByAlertId()) {
      // Copies of an alert may arrive on any input partition; keyed by alert id they meet in one
      // task. An alert already on its id's partition is in that task and goes straight on.
      AlertIdPartitioner partitioner = new AlertIdPartitioner();
      Map<String, KStream<byte[], Outcome>> routes = byAlertId.split(Named.as("route-"))
          .branch((k, v) -> partitioner.isHome(k, v.envelope().source().partition()), Branched.as("home"))
          .defaultBranch(Branched.as("away"));
      KStream<byte[], Outcome> arrived = routes.get("route-away")
          .peek((k, v) -> metrics.repartitioned(), Named.as("route-count"))
          .repartition(Repartitioned.<byte[], Outcome>as("by-alert-id").withKeySerde(bytes).withValueSerde(envelopeSerde)
              .withStreamPartitioner(partitioner));
      byAlertId = routes.get("route-home").merge(arrived, Named.as("by-alert-id-merge"));
    }
    KStream<byte[], Outcome> unique = byAlertId;
    String[] batchStores = {BatchScoreProcessor.STORE};
    if (config.dedupeEnabled()) {
      // Retention covers the look-back and look-ahead of DedupeProcessor's fetch window.
      builder.addStateStore(Stores.windowStoreBuilder(
          Stores.persistentWindowStore(DedupeProcessor.STORE, config.dedupeRetention().multipliedBy(2), config.dedupeRetention().multipliedBy(2), false),
          Serdes.Long(), Serdes.Long()));
      unique = byAlertId.process(() -> new DedupeProcessor(decoder, config.dedupeRetention(), metrics), Named.as("dedupe"),
          DedupeProcessor.STORE);
      batchStores = new String[] {BatchScoreProcessor.STORE, DedupeProcessor.STORE};
    }
    Map<String, KStream<byte[], Outcome>> scored = unique
        .process(() -> new BatchScoreProcessor(decoder, pipeline, bundle, metrics,
            config.batchMaxSize(), config.batchMaxWait(), config.commitAfterBatch(),
            config.dedupeEnabled() ? Optional.of(config.dedupeRetention()) : Optional.empty(), clock), Named.as("batch-score"), batchStores)
        .split(Named.as("score-"))
        .branch((k, v) -> v instanceof Outcome.Rejected, Branched.as("rejected"))
        .defaultBranch(Branched.as("ok"));

    KStream<byte[], Outcome> scoredOk = scored.get("score-ok");
    scoredOk.mapValues(v -> OutcomeSerdes.scoresBytes(((Outcome.Scored) v).scores()), Named.as("scores-encode"))
        .to(config.scoredTopic(), Produced.with(bytes, bytes).withName("scored-out"));
    scoredOk.flatMapValues(v -> ((Outcome.Scored) v).tags().stream().map(t -> new TaggedPacket(t, v.envelope().payload())).toList(),
            Named.as("tags-fan-out"))
        .to((k, v, ctx) -> config.tagTopic(v.tag().name().toLowerCase(Locale.ROOT)),
            Produced.with(bytes, OutcomeSerdes.taggedPacketPayload()).withName("tagged-out"));

    decoded.get("decode-rejected").merge(scored.get("score-rejected"), Named.as("all-rejected"))
        .peek((k, v) -> {
          DeadLetter letter = ((Outcome.Rejected) v).deadLetter();
          metrics.deadLettered(letter.reason(), letter.stage());
        }, Named.as("dlq-count"))
        .mapValues(v -> v.envelope().payload(), Named.as("dlq-payload"))
        .to(config.deadLetterTopic(), Produced.with(bytes, bytes).withName("dlq-out"));
    return builder.build();
  }

  /** One original packet bound for one tag topic. */
  record TaggedPacket(Tag tag, byte[] payload) {}
}
