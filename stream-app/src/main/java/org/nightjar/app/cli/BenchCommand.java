package org.nightjar.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nightjar.app.Components;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.metrics.ScoringMetrics;
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Option(names = "--alerts", paramLabel = "DIR", description = "Folder of .avro packets (default: the bundled sample).")
  Path alerts;

  @Option(names = "--decode-seconds", defaultValue = "10", description = "Length of the timed decode run (default: ${DEFAULT-VALUE}).")
  int decodeSeconds;

  @Option(names = "--stream-times", defaultValue = "30",
      description = "End to end: replay the folder this many times, deduplication off (default: ${DEFAULT-VALUE}).")
  int streamTimes;

  @Option(names = "--latency-rate", defaultValue = "200",
      description = {"End to end, last: replay the folder once at this many alerts/s, well within capacity, and report"
          + " the latency an alert sees when it does not queue behind a backlog (default: ${DEFAULT-VALUE}; 0 = skip)."})
  double latencyRate;

  @Option(names = "--cluster",
      description = {"End to end on the cluster that the configuration names (kafka.bootstrap.servers and the other kafka.*"
          + " settings) instead of an in-JVM broker. The run's topics get a unique nightjar-bench-* prefix and are deleted"
          + " afterwards."})
  boolean cluster;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the run's topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--warmup-times", defaultValue = "10",
      description = {"End to end: replay the folder this many times first, untimed, so the JIT compilers of the "
          + "broker, the clients and the stream settle as in a long-running service (default: ${DEFAULT-VALUE})."})
  int warmupTimes;

  @Override
  public Integer call() throws Exception {
    Path dir = SampleAlerts.resolve(alerts, spec.commandLine());
    List<Path> files = AlertFiles.list(dir);
    List<byte[]> messages = new ArrayList<>();
    for (Path f : files) {
      messages.add(AlertFiles.read(f));
    }
    AppConfig base = configOptions.load(Map.of());

    double decodeRate = decodeRate(new AlertCodec(Components.codecSettings(base)), messages);
    System.out.printf("decode (packet + 3 stamps, 1 thread): %.0f alerts/s over %ds%n", decodeRate, decodeSeconds);
    double pipelineRate = pipelineRate(base, messages);
    System.out.printf("pipeline without a broker (decode + stamps + stages %s, batches of %d): %.0f alerts/s%n",
        base.scorers(), base.batchMaxSize(), pipelineRate);
    Optional<StreamFigures> stream = streamFigures(files);
    if (stream.isEmpty()) {
      return 1;
    }
    StreamFigures f = stream.get();
    System.out.printf("decode_alerts_per_s=%.0f pipeline_alerts_per_s=%.0f stream_alerts_per_s=%.0f stream_alerts=%d"
            + " nightjar_cpu_ms_per_alert=%.2f latency_p50_ms=%d latency_p99_ms=%d sample_files=%d%n",
        decodeRate, pipelineRate, f.alertsPerSecond(), f.alerts(), f.nightjarCpuMsPerAlert(), f.latencyP50Ms(),
        f.latencyP99Ms(), files.size());
    return 0;
  }

  /** End-to-end figures; latencies are -1 when the steady-rate phase was skipped or incomplete. */
  private record StreamFigures(long alerts, double alertsPerSecond, double nightjarCpuMsPerAlert, long latencyP50Ms, long latencyP99Ms) {}

  /** Warm-up, timed flood with the CPU split, then latency at a steady rate; empty when alerts went missing. */
  private Optional<StreamFigures> streamFigures(List<Path> files) throws Exception {
    List<Path> warmup = repeat(files, warmupTimes);
    List<Path> timed = repeat(files, streamTimes);
    Map<String, String> settings = Map.of("application.id", "nightjar-bench", "dedupe.enabled", "false", "metrics.port", "0");
    try (LocalStack stack = cluster
        ? LocalStack.onCluster(configOptions, settings, partitions, "nightjar-bench-" + Long.toString(System.currentTimeMillis(), 36))
        : LocalStack.start(configOptions, settings, partitions)) {
      stack.replay(warmup, n -> {});
      if (!stack.tally.awaitTotal(warmup::size, Duration.ofMinutes(10))) {
        System.out.printf("end to end: only %d of %d warm-up alerts came out in time%n", outCount(stack), warmup.size());
        return Optional.empty();
      }
      stack.tally.clearLatencies();
      CpuShares cpu = new CpuShares(stack.config.applicationId());
      cpu.start();
      long t0 = System.currentTimeMillis();
      stack.replay(timed, n -> {});
      double replaySeconds = (System.currentTimeMillis() - t0) / 1000.0;
      if (!stack.tally.awaitTotal(() -> warmup.size() + timed.size(), Duration.ofMinutes(10))) {
        System.out.printf("end to end: only %d of %d alerts came out in time%n", outCount(stack) - warmup.size(), timed.size());
        return Optional.empty();
      }
      CpuShares.Split split = cpu.stop();
      double rate = timed.size() / (Math.max(1, stack.tally.lastReceivedMs() - t0) / 1000.0);
      System.out.printf("end to end (%s, %s, stages %s, after %d warm-up alerts): %d alerts -> %.0f alerts/s,"
          + " latency p50 %d ms, p99 %d ms behind the backlog of a replay that took %.1f s%n",
          cluster ? "cluster " + stack.bootstrapServers() : "in-JVM broker", stack.config.processingGuarantee(),
          stack.components.stages(), warmup.size(), timed.size(), rate,
          stack.tally.latencyPercentileMs(50), stack.tally.latencyPercentileMs(99), replaySeconds);
      double cpuMs = 1000 * split.nightjar() / timed.size();
      System.out.printf("CPU over that run: Nightjar's threads %.1f s (%.2f ms per alert), other live threads (broker, tally)"
          + " %.1f s, the rest (JIT, GC, the replaying producer's ended threads) %.1f s, whole process %.1f s%n",
          split.nightjar(), cpuMs, split.otherThreads(), split.runtime(), split.process());
      System.out.printf("Nightjar's own CPU per alert, on %d cores of its own: about %.0f alerts/s (a projection from"
          + " CPU time, not a measured rate)%n", CORES, CORES * 1000 / cpuMs);

      long p50 = -1;
      long p99 = -1;
      if (latencyRate > 0) {
        stack.tally.clearLatencies();
        long expected = warmup.size() + timed.size() + files.size();
        stack.replay(files, latencyRate, n -> {});
        if (stack.tally.awaitTotal(() -> expected, Duration.ofMinutes(5))) {
          p50 = stack.tally.latencyPercentileMs(50);
          p99 = stack.tally.latencyPercentileMs(99);
          System.out.printf("latency at %.0f alerts/s (no backlog; includes batch.max.wait.ms %d and commits every %d ms):"
              + " p50 %d ms, p99 %d ms%n", latencyRate, stack.config.batchMaxWait().toMillis(),
              stack.config.commitIntervalMs(), p50, p99);
        } else {
          System.out.printf("latency at %.0f alerts/s: only %d of %d alerts came out in time%n", latencyRate,
              outCount(stack) - warmup.size() - timed.size(), files.size());
        }
      }
      return Optional.of(new StreamFigures(timed.size(), rate, cpuMs, p50, p99));
    }
  }

  private static long outCount(LocalStack stack) {
    return stack.tally.scored() + stack.tally.deadLettered();
  }

  /** Alerts/s of decoding alone (packet and three stamps) on this thread, after one warm-up pass. */
  private double decodeRate(AlertCodec codec, List<byte[]> messages) {
    decodeAll(codec, messages); // warm-up: class loading, JIT
    long decoded = 0;
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(decodeSeconds).toNanos();
    while (System.nanoTime() < deadline) {
      decoded += decodeAll(codec, messages);
    }
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
        List<Alert> batch = new ArrayList<>();
        for (byte[] m : messages) {
          try {
            batch.add(components.codec().decode(m));
          } catch (AlertDecodeException e) {
            continue;
          }
          if (batch.size() == config.batchMaxSize()) {
            scored += pipeline.score(batch).size();
            batch.clear();
          }
        }
        if (!batch.isEmpty()) {
          scored += pipeline.score(batch).size();
        }
      }
      return scored / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static List<Path> repeat(List<Path> files, int times) {
    List<Path> all = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      all.addAll(files);
    }
    return all;
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
