package org.nightjar.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {XdBenchCommand.class, AutoencoderBenchCommand.class},
    description = {"Measure decode-only alerts/s over an alert folder, and end-to-end alerts/s through an in-JVM broker.",
        "Prints its figures; the last line is key=value pairs."})
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Option(names = "--alerts", paramLabel = "DIR", description = "Folder of .avro packets (default: the bundled sample).")
  Path alerts;

  @Option(names = "--decode-seconds", defaultValue = "10", description = "Length of the timed decode run (default: ${DEFAULT-VALUE}).")
  int decodeSeconds;

  @Option(names = "--stream-times", defaultValue = "20",
      description = "End to end: replay the folder this many times, deduplication off (default: ${DEFAULT-VALUE}).")
  int streamTimes;

  @Override
  public Integer call() throws Exception {
    Path dir = SampleAlerts.resolve(alerts, spec.commandLine());
    List<Path> files = AlertFiles.list(dir);
    List<byte[]> messages = new ArrayList<>();
    for (Path f : files) {
      messages.add(AlertFiles.read(f));
    }
    AppConfig base = configOptions.load(Map.of());
    AlertCodec codec = new AlertCodec(Components.codecSettings(base));

    decodeAll(codec, messages); // warm-up: class loading, JIT
    long decoded = 0;
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(decodeSeconds).toNanos();
    while (System.nanoTime() < deadline) {
      decoded += decodeAll(codec, messages);
    }
    double decodeRate = decoded / ((System.nanoTime() - start) / 1e9);
    System.out.printf("decode (packet + 3 stamps, 1 thread): %d alerts in %ds -> %.0f alerts/s%n", decoded, decodeSeconds, decodeRate);

    double pipelineRate = pipelineRate(base, messages);
    System.out.printf("pipeline without a broker (decode + stamps + stages %s, batches of %d): %.0f alerts/s%n",
        base.scorers(), base.batchMaxSize(), pipelineRate);

    double streamRate;
    long streamAlerts;
    List<Path> all = new ArrayList<>();
    for (int i = 0; i < streamTimes; i++) {
      all.addAll(files);
    }
    Map<String, String> settings = Map.of("application.id", "nightjar-bench", "dedupe.enabled", "false", "metrics.port", "0");
    try (LocalStack stack = LocalStack.start(configOptions, settings, 3)) {
      long t0 = System.currentTimeMillis();
      stack.replay(all, n -> {});
      double replaySeconds = (System.currentTimeMillis() - t0) / 1000.0;
      if (!stack.tally.awaitTotal(all::size, Duration.ofMinutes(10))) {
        System.out.printf("end to end: only %d of %d alerts came out in time%n", stack.tally.scored() + stack.tally.deadLettered(), all.size());
        return 1;
      }
      streamAlerts = all.size();
      streamRate = streamAlerts / (Math.max(1, stack.tally.lastReceivedMs() - t0) / 1000.0);
      System.out.printf("end to end (in-JVM broker, %s, stages %s): %d alerts -> %.0f alerts/s, latency p50 %d ms, p99 %d ms"
          + " (the replay itself took %.1f s)%n",
          stack.config.processingGuarantee(), stack.components.stages(), streamAlerts, streamRate,
          stack.tally.latencyPercentileMs(50), stack.tally.latencyPercentileMs(99), replaySeconds);
    }
    System.out.printf("decode_alerts_per_s=%.0f pipeline_alerts_per_s=%.0f stream_alerts_per_s=%.0f stream_alerts=%d sample_files=%d%n",
        decodeRate, pipelineRate, streamRate, streamAlerts, files.size());
    return 0;
  }

  /** Alerts/s of the scoring pipeline alone, decoding afresh each pass (stamps are cached per alert). */
  private double pipelineRate(AppConfig config, List<byte[]> messages) throws Exception {
    try (Components components = Components.from(config);
        ScoringPipeline pipeline = components.pipeline(ScoringMetrics.inMemory())) {
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
