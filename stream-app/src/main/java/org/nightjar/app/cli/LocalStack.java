package org.nightjar.app.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.nightjar.app.Components;
import org.nightjar.app.NightjarStreams;
import org.nightjar.app.broker.EmbeddedKafka;
import org.nightjar.app.broker.InJvmKafkaLog;
import org.nightjar.app.broker.TemporaryFolders;
import org.nightjar.app.broker.TopicAdmin;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.KafkaProperties;
import org.nightjar.app.config.StaticMembership;
import org.nightjar.app.metrics.Instrumentation;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.app.replay.OutputTally;
import org.nightjar.app.topology.AlertTopology;

/**
 * A whole Nightjar installation in this JVM: a real KRaft broker, the topics, a running topology
 * and a tally of its output. Shared by {@code demo} and {@code bench}.
 */
final class LocalStack implements AutoCloseable {
  final Optional<EmbeddedKafka> kafka;
  final AppConfig config;
  final Components components;
  final PrometheusMeterRegistry registry;
  final ScoringMetrics metrics;
  final NightjarStreams streams;
  final OutputTally tally;
  /** How long a replay's alerts may take to come out before a measurement gives up. */
  private static final Duration OUTPUT_TIMEOUT = Duration.ofMinutes(10);
  /** How long a rate is held, unmeasured, before its latency is measured (see {@link #latencyAt}). */
  static final Duration SETTLE = Duration.ofSeconds(4);
  /** On a shared cluster: the prefix of this run's topics and its application id, removed on close. */
  private final Optional<String> runId;
  /** The keys the replays give their messages (none by default, as survey brokers send them). */
  AlertReplayer.Keys replayKeys = AlertReplayer.UNKEYED;

  private LocalStack(Optional<EmbeddedKafka> kafka, AppConfig config, Components components, PrometheusMeterRegistry registry,
      ScoringMetrics metrics, NightjarStreams streams, OutputTally tally, Optional<String> runId) {
    this.kafka = kafka;
    this.config = config;
    this.components = components;
    this.registry = registry;
    this.metrics = metrics;
    this.streams = streams;
    this.tally = tally;
    this.runId = runId;
  }

  /**
   * Starts an in-JVM broker, creates the topics and starts the topology; returns once it runs.
   *
   * @param settings configuration keys of the command, over the user's
   */
  static LocalStack start(ConfigOptions options, Map<String, String> settings, int partitions) throws InterruptedException {
    return start(options, settings, partitions, true);
  }

  /**
   * As {@link #start(ConfigOptions, Map, int)}; {@code countTagTopics} false leaves the tag topics
   * unread, so that a measurement does not pay for fetching every tagged packet again.
   */
  static LocalStack start(ConfigOptions options, Map<String, String> settings, int partitions, boolean countTagTopics)
      throws InterruptedException {
    Path brokerLog = InJvmKafkaLog.divert(Path.of(System.getProperty("java.io.tmpdir"), "nightjar-in-jvm-kafka.log"));
    System.err.println("Starting an in-JVM Kafka broker (KRaft, single node; its log: " + brokerLog + ")...");
    EmbeddedKafka kafka = EmbeddedKafka.start();
    try {
      Map<String, String> all = new LinkedHashMap<>(settings);
      all.put("kafka.bootstrap.servers", kafka.bootstrapServers());
      all.put("kafka.state.dir", kafka.stateDirectory().toString());
      AppConfig config = options.load(all);
      return launch(config, partitions, Optional.of(kafka), Optional.of((short) 1), Optional.empty(), countTagTopics);
    } catch (RuntimeException | InterruptedException e) {
      kafka.close();
      throw e;
    }
  }

  /**
   * The same on the cluster the configuration names ({@code kafka.bootstrap.servers} and the
   * other {@code kafka.*} settings): topics of this run only, named after {@code runId}, created
   * with the cluster's default replication and deleted again on close; the tag topics are not read.
   */
  static LocalStack onCluster(ConfigOptions options, Map<String, String> settings, int partitions, String runId)
      throws InterruptedException {
    Map<String, String> all = new LinkedHashMap<>(settings);
    all.put("application.id", runId);
    all.put("input.topics", runId + ".alerts");
    all.put("output.prefix", runId);
    AppConfig config = options.load(all);
    System.err.printf("Using the cluster at %s, topics %s*%n", config.kafka().get("bootstrap.servers"), runId);
    return launch(config, partitions, Optional.empty(), Optional.empty(), Optional.of(runId), false);
  }

  private static LocalStack launch(AppConfig config, int partitions, Optional<EmbeddedKafka> kafka, Optional<Short> replication,
      Optional<String> runId, boolean countTagTopics) throws InterruptedException {
    Components components = Components.from(config);
    try {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      ScoringMetrics metrics = new ScoringMetrics(registry);
      AlertTopology topology = components.topology(metrics);
      List<String> topics = new ArrayList<>(config.inputTopics());
      topics.addAll(config.outputTopics());
      TopicAdmin.createMissing(KafkaProperties.clients(config), topics, partitions, replication);
      NightjarStreams streams = new NightjarStreams(topology.build(), KafkaProperties.streams(config));
      Instrumentation.bind(registry, streams, components);
      OutputTally tally = new OutputTally(KafkaProperties.clients(config), config.scoredTopic(), config.deadLetterTopic(),
          countTagTopics ? tagTopics(config) : Map.of());
      streams.startAndAwaitRunning(Duration.ofMinutes(2));
      return new LocalStack(kafka, config, components, registry, metrics, streams, tally, runId);
    } catch (RuntimeException | InterruptedException e) {
      components.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return config.kafka().get("bootstrap.servers");
  }

  /** Sends the files to the first input topic as fast as the broker takes them. */
  int replay(List<Path> files, IntConsumer progress) throws IOException {
    return replay(files, 0, progress);
  }

  private AlertReplayer replayer() {
    return new AlertReplayer(KafkaProperties.clients(config), replayKeys);
  }

  /** Sends the files to the first input topic at {@code ratePerSecond} (0 = as fast as possible). */
  int replay(List<Path> files, double ratePerSecond, IntConsumer progress) throws IOException {
    return replayer().replay(files, config.inputTopics().get(0), ratePerSecond, progress);
  }

  /** Sends {@code count} packets to the first input topic as fast as the broker takes them; returns once all are acknowledged. */
  int replay(int count, AlertReplayer.PacketSource packets) throws IOException {
    return replayer().replay(count, packets, config.inputTopics().get(0), 0, n -> {});
  }

  /**
   * Sends {@code count} packets at {@code ratePerSecond} from another thread while this one reads
   * the output, so each alert's latency is taken when it comes out rather than after the replay
   * ends; true when {@code expected} outputs arrived within {@code timeout}.
   */
  boolean replayWhileTallying(int count, AlertReplayer.PacketSource packets, double ratePerSecond,
      LongSupplier expected, Duration timeout) throws IOException, InterruptedException {
    AlertReplayer replayer = replayer();
    CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(() -> {
      try {
        return replayer.replay(count, packets, config.inputTopics().get(0), ratePerSecond, n -> {});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    boolean complete = tally.awaitTotal(expected, timeout);
    try {
      sending.get();
    } catch (ExecutionException e) {
      throw new IOException("replay failed: " + e.getCause().getMessage(), e.getCause());
    }
    return complete;
  }

  /**
   * Latency of a stream that has run at {@code rate} for a while: fresh alerts at that rate for
   * {@code settle} (unmeasured: batch sizes and the JIT's paths for them settle), then for
   * {@code measured}, whose latencies are returned.
   */
  SteadyLatency latencyAt(FreshTraffic traffic, double rate, Duration settle, Duration measured)
      throws IOException, InterruptedException {
    int settling = (int) Math.max(1, Math.round(rate * settle.toMillis() / 1000.0));
    int alerts = (int) Math.max(1, Math.round(rate * measured.toMillis() / 1000.0));
    long before = tally.scored() + tally.deadLettered();
    replayWhileTallying(settling, traffic.source(), rate, () -> before + settling, OUTPUT_TIMEOUT);
    tally.clearLatencies();
    long expected = before + settling + alerts;
    replayWhileTallying(alerts, traffic.source(), rate, () -> expected, OUTPUT_TIMEOUT);
    long missing = Math.max(0, expected - tally.scored() - tally.deadLettered());
    return new SteadyLatency(alerts, missing, tally.latencyPercentileMs(50), tally.latencyPercentileMs(99),
        tally.latencyPercentileMs(100), Instant.ofEpochMilli(tally.slowestReceivedMs()));
  }

  /** Sends {@code n} alerts as fast as the stream takes them and waits until all are out, untimed. */
  void flood(FreshTraffic traffic, int n) throws IOException, InterruptedException {
    if (n <= 0) {
      return;
    }
    long expected = tally.scored() + tally.deadLettered() + n;
    replayWhileTallying(n, traffic.source(), 0, () -> expected, OUTPUT_TIMEOUT);
  }

  /**
   * The latencies of a measured run; {@code missing} alerts had not come out when it gave up
   * waiting; the slowest came out at {@code slowestAt}.
   */
  record SteadyLatency(int alerts, long missing, long p50Ms, long p99Ms, long maxMs, Instant slowestAt) {
    boolean complete() {
      return missing == 0;
    }
  }

  long duplicates() {
    return (long) metrics.count("nightjar.alerts.duplicates");
  }

  @Override
  public void close() {
    try {
      tally.close();
      streams.close();
      components.close();
      runId.ifPresent(id -> {
        // This run's local state, folder and all (the application id is the run id). Not through
        // KafkaStreams.cleanUp(): it keeps the folder, with a lock and a metadata file, and warns
        // on the console that it could not delete it.
        TemporaryFolders.deleteRecursively(StaticMembership.stateDirectory(config.kafka()).resolve(id));
        // Input, outputs and the topology's internal topics all start with the run id.
        TopicAdmin.deleteWithPrefix(KafkaProperties.clients(config), id);
      });
    } finally {
      kafka.ifPresent(EmbeddedKafka::close);
    }
  }

  private static java.util.Map<String, String> tagTopics(AppConfig config) {
    java.util.Map<String, String> topics = new java.util.TreeMap<>();
    for (org.nightjar.schemas.avro.Tag t : org.nightjar.schemas.avro.Tag.values()) {
      String tag = t.name().toLowerCase(java.util.Locale.ROOT);
      topics.put(tag, config.tagTopic(tag));
    }
    return topics;
  }
}
