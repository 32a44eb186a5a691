package org.nightjar.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import org.nightjar.app.Components;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.CutoutKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Throughput figures: decoding alone (packet + three stamps, one thread), then end to end through
 * a real in-JVM broker with the scorers that are configured. The last line is key=value pairs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {XdBenchCommand.class, AutoencoderBenchCommand.class, IndexBenchCommand.class},
    description = {"Measure decode-only alerts/s over an alert folder, and end-to-end alerts/s through an in-JVM broker (or a cluster: --cluster).",
        "Prints its figures; the last line is key=value pairs."})
public final class BenchCommand implements Callable<Integer> {
  /** The instance size the projection is for: a 2-core machine, as the design sizes one. */
  private static final int CORES = 2;
  /** How long decoding alone is timed just before each drain. */
  private static final Duration SPEED_CHECK = Duration.ofMillis(500);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Option(names = "--alerts", paramLabel = "DIR", description = "Folder of .avro packets (default: the bundled sample).")
  Path alerts;

  @Option(names = "--key-by-alert-id",
      description = {"End to end: key each alert by its alert id, as a producer that partitions alerts by id would;",
          "with dedupe.scope=alert-id no alert then takes the repartition hop. By default alerts go unkeyed, as survey",
          "brokers send them, and (N-1)/N of them take the hop on N partitions."})
  boolean keyByAlertId;

  @Option(names = "--decode-seconds", defaultValue = "10", description = "Length of the timed decode run (default: ${DEFAULT-VALUE}).")
  int decodeSeconds;

  @Option(names = "--stream-times", defaultValue = "30",
      description = {"End to end: send this many times as many alerts as the sample has ZTF packets, as fast as possible"
          + " (default: ${DEFAULT-VALUE}; 0 = skip)."})
  int streamTimes;

  @Option(names = "--drains", defaultValue = "3",
      description = {"End to end: how many backlogs to drain; the median rate is reported, with the lowest and highest,"
          + " since one run on a shared machine varies by 10-15%% (default: ${DEFAULT-VALUE})."})
  int drains;

  @Option(names = "--latency-rates", split = ",", defaultValue = "100,250,500",
      description = {"End to end, then: send alerts at each of these rates (alerts/s), well within capacity, and report the"
          + " latency an alert sees when it does not queue behind a backlog (default: ${DEFAULT-VALUE}; 0 = skip)."})
  List<Double> latencyRates;

  @Option(names = "--latency-seconds", defaultValue = "12",
      description = "How long each latency rate is measured, after 4 s at that rate to settle (default: ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(names = "--cold-start", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = {"Last: start `nightjar run` in a JVM of its own against the same broker and time it to its first scored"
          + " alert (default: on)."})
  boolean coldStart;

  @Option(names = "--cluster",
      description = {"End to end on the cluster that the configuration names (kafka.bootstrap.servers and the other kafka.*"
          + " settings) instead of an in-JVM broker. The run's topics get a unique nightjar-bench-* prefix and are deleted"
          + " afterwards."})
  boolean cluster;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the run's topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--warmup-times", defaultValue = "40",
      description = {"End to end: send this many times the sample first, untimed, so the JIT compilers of the "
          + "broker, the clients and the stream settle as in a long-running service (default: ${DEFAULT-VALUE})."})
  int warmupTimes;

  @Option(names = "--warmup-seconds", defaultValue = "60",
      description = {"End to end: and keep warming up until this many seconds have passed, so that a broker started just"
          + " before the bench has settled too (default: ${DEFAULT-VALUE})."})
  int warmupSeconds;

  @Option(names = "--settle-drains", defaultValue = "6",
      description = {"End to end, after the warm-up: drain untimed backlogs until two in a row agree within"
          + " --settle-tolerance, at most this many, so that the drains timed next measure a set-up that has stopped"
          + " speeding up (default: ${DEFAULT-VALUE}; 0 = skip)."})
  int settleDrains;

  @Option(names = "--settle-tolerance", defaultValue = "0.05",
      description = "Relative difference under which two backlog drains agree (default: ${DEFAULT-VALUE}).")
  double settleTolerance;

  @Override
  public Integer call() throws Exception {
    if (drains < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--drains must be at least 1, got " + drains);
    }
    Path dir = SampleAlerts.resolve(alerts, spec.commandLine());
    List<Path> files = AlertFiles.list(dir);
    List<byte[]> messages = new ArrayList<>();
    for (Path f : files) {
      messages.add(AlertFiles.read(f));
    }
    AppConfig base = configOptions.load(Map.of());

    AlertCodec codec = new AlertCodec(Components.codecSettings(base));
    double decodeRate = decodeRate(codec, messages);
    System.out.printf("decode (packet + 3 stamps, 1 thread): %.0f alerts/s over %ds%n", decodeRate, decodeSeconds);
    double pipelineRate = pipelineRate(base, messages);
    System.out.printf("pipeline without a broker (decode + stamps + stages %s, batches of %d): %.0f alerts/s%n",
        base.scorers(), base.batchMaxSize(), pipelineRate);
    KeyValues figures = new KeyValues()
        .put("decode_alerts_per_s", "%.0f", decodeRate)
        .put("pipeline_alerts_per_s", "%.0f", pipelineRate)
        .put("key_by_alert_id", "%s", keyByAlertId);
    if (!streamFigures(FreshTraffic.of(files), figures, codec, messages)) {
      return 1;
    }
    figures.put("sample_files", "%d", files.size());
    System.out.println(figures);
    return 0;
  }

  /**
   * Warm-up, a timed flood with the CPU split, latency at steady rates, then a cold start; false
   * when alerts went missing.
   */
  private boolean streamFigures(FreshTraffic traffic, KeyValues figures, AlertCodec codec, List<byte[]> messages)
      throws Exception {
    Map<String, String> settings = Map.of("application.id", "nightjar-bench", "metrics.port", "0");
    try (LocalStack stack = cluster
        ? LocalStack.onCluster(configOptions, settings, partitions, "nightjar-bench-" + Long.toString(System.currentTimeMillis(), 36))
        : LocalStack.start(configOptions, settings, partitions, false)) {
      AppConfig config = stack.config;
      if (keyByAlertId) {
        stack.replayKeys = AlertReplayer.byAlertId(codec);
      }
      System.out.printf("end to end on %s: %s, dedupe %s, commit.interval.ms %d, batch.max.wait.ms %d; alerts are the"
              + " sample's %d ZTF packets, each copy under a new alert id, sent %s to %d partitions%n",
          cluster ? "the cluster at " + stack.bootstrapServers() : "an in-JVM broker", config.processingGuarantee(),
          config.dedupeEnabled() ? "scope " + config.dedupeScope().key() : "off", config.commitIntervalMs(),
          config.batchMaxWait().toMillis(), traffic.size(), keyByAlertId ? "keyed by alert id" : "unkeyed", partitions);
      long out = 0;
      // At least warmupTimes rounds of the sample and at least warmupSeconds: a broker started
      // just before the bench is still compiling its own hot paths after the rounds alone.
      long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
      int warmup = 0;
      while (warmup < traffic.size() * warmupTimes || System.nanoTime() < warmupEnd) {
        int n = traffic.size() * Math.max(1, Math.min(10, warmupTimes));
        warmup += n;
        out += n;
        if (!send(stack, traffic, n, 0, out, "warm-up")) {
          return false;
        }
      }

      if (streamTimes > 0) {
        int timed = traffic.size() * streamTimes;
        int settle = 0;
        double previous = Double.NaN;
        boolean settled = settleDrains == 0;
        while (!settled && settle < settleDrains) {
          out += timed;
          Backlog backlog = drainBacklog(stack, traffic, timed, out);
          if (backlog == null) {
            return false;
          }
          settle++;
          settled = Math.abs(backlog.rate() - previous) <= settleTolerance * previous;
          String verdict = settled ? String.format(", within %.0f%% of the one before: settled", 100 * settleTolerance) : "";
          System.out.printf("settling, untimed drain %d of at most %d: %.0f alerts/s (%.0f alerts per micro-batch)%s%n",
              settle, settleDrains, backlog.rate(), backlog.meanBatch(), verdict);
          previous = backlog.rate();
        }
        if (!settled) {
          System.out.printf("not settled after %d untimed drains; the timed ones may still be speeding up%n", settle);
        }
        figures.put("settle_drains", "%d", settle).put("settled", "%s", settled);
        List<Backlog> backlogs = new ArrayList<>();
        List<Double> speeds = new ArrayList<>();
        for (int d = 0; d < drains; d++) {
          out += timed;
          // The machine's own speed drifts by 20-30% over minutes here: decode alone, timed on
          // this thread just before each drain while the stream idles, tells a slow stretch of
          // the machine from a slow stream.
          double speed = decodeRate(codec, messages, SPEED_CHECK);
          speeds.add(speed);
          Backlog backlog = drainBacklog(stack, traffic, timed, out);
          if (backlog == null) {
            return false;
          }
          backlogs.add(backlog);
          System.out.printf("end to end (stages %s, after %d warm-up alerts and %d untimed drains), drain %d of %d: a backlog"
              + " of %d alerts, sent while the stream was paused, scored in %.1f s -> %.0f alerts/s (decode alone just"
              + " before: %.0f alerts/s on one thread)%n",
              stack.components.stages(), warmup, settle, d + 1, drains, timed, backlog.seconds(), backlog.rate(), speed);
          System.out.printf("  CPU while draining it: Nightjar's threads %.1f s (%.2f ms per alert), other live threads"
              + " (broker if in this JVM, tally) %.1f s, the rest (JIT, GC) %.1f s, whole process %.1f s; %.0f alerts"
              + " per micro-batch on average%n",
              backlog.cpu().nightjar(), 1000 * backlog.cpu().nightjar() / timed, backlog.cpu().otherThreads(),
              backlog.cpu().runtime(), backlog.cpu().process(), backlog.meanBatch());
        }
        backlogs.sort(Comparator.comparingDouble(Backlog::rate));
        Backlog median = backlogs.get(backlogs.size() / 2);
        System.out.printf("end to end: the most this set-up sustains, median of %d drains %.0f alerts/s (lowest %.0f,"
            + " highest %.0f)%n", drains, median.rate(), backlogs.get(0).rate(), backlogs.get(backlogs.size() - 1).rate());
        figures.put("e2e_alerts_per_s", "%.0f", median.rate())
            .put("e2e_alerts_per_s_lowest", "%.0f", backlogs.get(0).rate())
            .put("e2e_alerts_per_s_highest", "%.0f", backlogs.get(backlogs.size() - 1).rate())
            .put("e2e_alerts", "%d", timed)
            .put("nightjar_cpu_ms_per_alert", "%.2f", 1000 * median.cpu().nightjar() / timed)
            .put("e2e_mean_batch", "%.0f", median.meanBatch())
            .put("decode_alerts_per_s_at_drains", "%.0f", speeds.stream().sorted().toList().get(speeds.size() / 2));

        out += timed;
        long t0 = System.currentTimeMillis();
        if (!send(stack, traffic, timed, 0, out, "end to end")) {
          return false;
        }
        double rate = timed / (Math.max(1, stack.tally.lastReceivedMs() - t0) / 1000.0);
        System.out.printf("end to end with this command's producer sending as fast as it can on the same cores: %d alerts"
            + " -> %.0f alerts/s; latency behind that backlog p50 %d ms, p99 %d ms%n", timed, rate,
            stack.tally.latencyPercentileMs(50), stack.tally.latencyPercentileMs(99));
        figures.put("e2e_while_sending_alerts_per_s", "%.0f", rate);
      }

      for (double r : latencyRates) {
        if (r <= 0) {
          continue;
        }
        LocalStack.SteadyLatency latency = stack.latencyAt(traffic, r, LocalStack.SETTLE,
            Duration.ofSeconds(latencySeconds));
        if (!latency.complete()) {
          System.out.printf("latency at %.0f alerts/s: only %d of %d alerts came out in time%n", r,
              latency.alerts() - latency.missing(), latency.alerts());
          return false;
        }
        long p50 = latency.p50Ms();
        long p99 = latency.p99Ms();
        System.out.printf("latency at %.0f alerts/s for %d s (%d alerts, no backlog), input's broker timestamp to the scored"
            + " record read by a read_committed consumer: p50 %d ms, p99 %d ms, max %d ms (out at %s)%n", r, latencySeconds,
            latency.alerts(), p50, p99, latency.maxMs(), LocalTime.ofInstant(latency.slowestAt(), ZoneId.systemDefault()));
        String rate0 = String.format("%.0f", r);
        figures.put("latency_p50_ms_at_" + rate0, "%d", p50).put("latency_p99_ms_at_" + rate0, "%d", p99);
      }
      if (coldStart) {
        ColdStart.Result cold = ColdStart.measure(stack, traffic);
        System.out.printf("cold start: `nightjar run` in a new JVM to its first scored alert %.1f s (bundle and scorers"
            + " loaded in %s ms; Kafka Streams RUNNING after %.1f s)%n", cold.firstScoredSeconds(),
            cold.bundleLoadMs().map(Object::toString).orElse("?"), cold.runningSeconds());
        figures.put("cold_start_s", "%.1f", cold.firstScoredSeconds());
        cold.bundleLoadMs().ifPresent(ms -> figures.put("bundle_load_ms", "%d", ms));
      }
      return true;
    }
  }

  /**
   * The drain rate of a backlog: the stream is paused (its consumers still poll, it processes
   * nothing), {@code n} fresh alerts are sent, and the clock runs from resuming to the last
   * output, so the load generator's own work is not on the cores while the stream is timed.
   * Null when alerts went missing.
   */
  private static Backlog drainBacklog(LocalStack stack, FreshTraffic traffic, int n, long expectedOut) throws Exception {
    stack.tally.clearLatencies();
    KafkaStreams streams = stack.streams.kafkaStreams();
    streams.pause();
    try {
      stack.replay(n, traffic.source());
    } catch (IOException | RuntimeException e) {
      streams.resume();
      throw e;
    }
    CpuShares cpu = new CpuShares(stack.config.applicationId());
    ScoringMetrics.BatchTotals batches = stack.metrics.batchTotals();
    cpu.start();
    long t0 = System.currentTimeMillis();
    streams.resume();
    boolean complete = stack.tally.awaitTotal(() -> expectedOut, Duration.ofMinutes(10));
    CpuShares.Split split = cpu.stop();
    if (!complete) {
      System.out.printf("backlog: only %d of %d alerts came out in time%n", outCount(stack) - (expectedOut - n), n);
      return null;
    }
    double seconds = Math.max(1, stack.tally.lastReceivedMs() - t0) / 1000.0;
    return new Backlog(seconds, n / seconds, split, stack.metrics.batchTotals().meanSince(batches));
  }

  private record Backlog(double seconds, double rate, CpuShares.Split cpu, double meanBatch) {}

  /** Sends {@code n} fresh alerts at {@code rate} (0 = flat out) and waits for {@code expectedOut} outputs in all. */
  private static boolean send(LocalStack stack, FreshTraffic traffic, int n, double rate, long expectedOut, String phase)
      throws Exception {
    stack.tally.clearLatencies();
    if (stack.replayWhileTallying(n, traffic.source(), rate, () -> expectedOut, Duration.ofMinutes(10))) {
      return true;
    }
    System.out.printf("%s: only %d of %d alerts came out in time%n", phase, outCount(stack) - (expectedOut - n), n);
    return false;
  }

  private static long outCount(LocalStack stack) {
    return stack.tally.scored() + stack.tally.deadLettered();
  }

  /** Alerts/s of decoding alone (packet and three stamps) on this thread, after one warm-up pass. */
  private double decodeRate(AlertCodec codec, List<byte[]> messages) {
    decodeAll(codec, messages); // warm-up: class loading, JIT
    return decodeRate(codec, messages, Duration.ofSeconds(decodeSeconds));
  }

  /** Alerts/s of decoding alone, passes over the messages until {@code span} is over (one at least). */
  private static double decodeRate(AlertCodec codec, List<byte[]> messages, Duration span) {
    long decoded = 0;
    long start = System.nanoTime();
    do {
      decoded += decodeAll(codec, messages);
    } while (System.nanoTime() - start < span.toNanos());
    return decoded / ((System.nanoTime() - start) / 1e9);
  }

  /** Alerts/s of the scoring pipeline alone, decoding afresh each pass (stamps are cached per alert). */
  private double pipelineRate(AppConfig config, List<byte[]> messages) throws Exception {
    try (Components components = Components.from(config)) {
      ScoringPipeline pipeline = components.pipeline(ScoringMetrics.inMemory());
      long scored = 0;
      long start = 0;
      long deadline = Long.MAX_VALUE;
      for (int pass = 0; System.nanoTime() < deadline; pass++) {
        if (pass == 1) { // the first pass warms up the JIT and the network
          start = System.nanoTime();
          deadline = start + Duration.ofSeconds(decodeSeconds).toNanos();
          scored = 0;
        }
        scored += OfflineScoring.scoreAll(components, pipeline, messages, config.batchMaxSize(), n -> {});
      }
      return scored / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static long decodeAll(AlertCodec codec, List<byte[]> messages) {
    long n = 0;
    for (byte[] m : messages) {
      try {
        Alert a = codec.decode(m);
        for (CutoutKind k : CutoutKind.values()) {
          a.cutout(k);
        }
        n++;
      } catch (AlertDecodeException e) {
        // Bad packets are part of real traffic; they are timed too, not counted as alerts.
      }
    }
    return n;
  }
}
