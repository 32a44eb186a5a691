package org.nightjar.app.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.nightjar.app.NightjarStreams;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.app.metrics.MetricsServer;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.app.replay.OutputTally;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.schemas.AlertFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Everything on one machine: a real in-JVM KRaft broker, the topics, the topology, a replay of
 * real alerts, and the tally of what came out.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Start an in-JVM Kafka broker, replay real alerts through the Nightjar topology and print what came out.",
        "Exits 0 when every alert was scored, dead-lettered or dropped as a duplicate, and none was emitted twice."})
public final class DemoCommand implements Callable<Integer> {
  /** Offline passes over the sample before the replay (see {@link #warmScorers}). */
  private static final int WARM_PASSES = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Option(names = "--alerts", paramLabel = "DIR", description = "Folder of .avro alert packets to replay (default: the bundled sample).")
  Path alerts;

  @Option(names = "--duplicates", paramLabel = "N", defaultValue = "10",
      description = "Send the first N packets a second time, as a redelivering broker would (default: ${DEFAULT-VALUE}).")
  int duplicates;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "Give up waiting for output after this long (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "32",
      description = {"Send the first N packets as fast as possible and wait for them before the rest: their latency includes the"
          + " JIT compilers and the network warming up, and is shown apart (default: ${DEFAULT-VALUE})."})
  int warmup;

  @Option(names = "--rate", paramLabel = "ALERTS_PER_S", defaultValue = "100",
      description = "Send the rest at this many alerts/s, as a survey's stream arrives (default: ${DEFAULT-VALUE}; 0 = as fast as possible).")
  double rate;

  @Option(names = "--steady-seconds", paramLabel = "SECONDS", defaultValue = "10",
      description = {"After the sample, send copies of its ZTF packets under new alert ids at --rate for this long (after 4 s"
          + " to settle) and show their latency apart: the figure of a deployment that has run for a while, with the JIT"
          + " compilers of broker, clients and scorers done. They are not counted above (default: ${DEFAULT-VALUE}; 0 = skip)."})
  int steadySeconds;

  @Option(names = "--steady-warmup", paramLabel = "ALERTS", defaultValue = "3000",
      description = {"Before the steady run, send this many copies as fast as the stream takes them, untimed, so that the"
          + " JIT compilers of broker, clients and stream have seen the hot paths often enough (default: ${DEFAULT-VALUE})."})
  int steadyWarmup;

  @Option(names = "--keep-running", description = "Leave the broker and the stream up after the summary (Ctrl-C stops).")
  boolean keepRunning;

  @Override
  public Integer call() throws Exception {
    Path dir = SampleAlerts.resolve(alerts, spec.commandLine());
    List<Path> files = AlertFiles.list(dir);
    if (files.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no .avro files under " + dir);
    }
    List<Path> toSend = new ArrayList<>(files);
    toSend.addAll(files.subList(0, Math.min(Math.max(0, duplicates), files.size())));

    try (LocalStack stack = LocalStack.start(configOptions, Map.of("application.id", "nightjar-demo"), partitions)) {
        OutputTally tally = stack.tally;
        warmScorers(stack, files);
        MetricsServer server = startMetrics(stack.config, stack.registry, stack.streams);
        System.err.printf("Broker %s, topology running; replaying %d packets from %s to %s%n",
            stack.bootstrapServers(), toSend.size(), dir, stack.config.inputTopics().get(0));

        int first = Math.min(Math.max(0, warmup), toSend.size());
        int sent = toSend.size();
        AlertReplayer.PacketSource packets = i -> AlertFiles.read(toSend.get(i));
        boolean complete;
        long[] warmupLatency;
        try (Progress progress = new Progress("replay", toSend.size())) {
          complete = stack.replayWhileTallying(first, packets, 0, () -> first, Duration.ofSeconds(timeoutSeconds));
          warmupLatency = new long[] {tally.latencyPercentileMs(50), tally.latencyPercentileMs(99)};
          progress.stepTo(first);
          tally.clearLatencies();
          complete &= stack.replayWhileTallying(sent - first, i -> {
            progress.stepTo(first + i + 1);
            return packets.packet(first + i);
          }, rate, () -> sent - stack.duplicates(), Duration.ofSeconds(timeoutSeconds));
        }
        tally.drain(Duration.ofSeconds(2));
        long dups = stack.duplicates();
        boolean balanced = sent == tally.scored() + tally.deadLettered() + dups;

        SummaryTable table = new SummaryTable()
            .row("alerts in", sent)
            .row("scored", tally.scored())
            .row("dead-lettered", tally.deadLettered());
        tally.reasons().forEach((reason, n) -> table.row("  reason " + reason, n));
        table.row("duplicates dropped", dups)
            .row("scored twice (must be 0)", tally.repeatedIds());
        tally.tags().forEach((tag, n) -> table.row("tagged " + tag, n + " (" + tally.tagTopicRecords().getOrDefault(tag, 0L)
            + " in " + stack.config.tagTopic(tag) + ")"));
        if (tally.tags().isEmpty()) {
          table.row("tagged", "none");
        }
        tally.bySurvey().forEach((survey, counts) -> table.row("  " + survey + " alerts", counts.getOrDefault(OutputTally.SCORED, 0L)
            + " scored" + counts.entrySet().stream().filter(e -> !e.getKey().equals(OutputTally.SCORED))
                .map(e -> ", " + e.getKey() + " " + e.getValue()).collect(Collectors.joining())));
        table.row("with anomaly score and neighbours", tally.withAnomaly())
            .row("with artifact probability", tally.withArtifactProbability());
        tally.mostAnomalous().ifPresent(a -> table.row("most anomalous", String.format("%s %s, percentile %.1f",
            a.getSurvey(), a.getObjectId(), a.getAnomaly().getPercentile() == null ? Double.NaN : a.getAnomaly().getPercentile())));
        if (!tally.reconstructionErrors().isEmpty()) {
          table.row("with reconstruction error", String.format("%d (%d without stamps)", tally.reconstructionErrors().size(), tally.withoutStamps()))
              .row("reconstruction error (median)", String.format("%.4f", median(tally.reconstructionErrors())));
        }
        table.rule()
            .row("in = scored + dead-lettered + duplicates", balanced ? "yes" : "NO")
            .row(String.format("latency p50 / p99, first %d alerts (cold JVM)", first),
                String.format("%d / %d ms", warmupLatency[0], warmupLatency[1]))
            .row(rate > 0 ? String.format("latency p50 / p99, the rest at %.0f alerts/s", rate) : "latency p50 / p99, the rest",
                String.format("%d / %d ms", tally.latencyPercentileMs(50), tally.latencyPercentileMs(99)));
        if (steadySeconds > 0 && rate > 0) {
          FreshTraffic copies = FreshTraffic.of(files);
          stack.flood(copies, steadyWarmup);
          LocalStack.SteadyLatency steady = stack.latencyAt(copies, rate, LocalStack.SETTLE,
              Duration.ofSeconds(steadySeconds));
          table.row(String.format("latency p50 / p99, steady: %d fresh copies at %.0f alerts/s", steady.alerts(), rate),
              String.format("%d / %d ms%s", steady.p50Ms(), steady.p99Ms(),
                  steady.complete() ? "" : " (" + steady.missing() + " not out in time)"));
        }
        table.print(System.out);

        if (keepRunning) {
          System.err.printf("Still running: bootstrap.servers=%s, topics %s.*%s. Ctrl-C stops.%n",
              stack.bootstrapServers(), stack.config.outputPrefix(), server == null ? "" : ", metrics http://localhost:" + server.port() + "/metrics");
          CountDownLatch forever = new CountDownLatch(1);
          Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
          forever.await();
        }
        if (server != null) {
          server.close();
        }
        return complete && balanced && tally.repeatedIds() == 0 ? 0 : 1;
    }
  }

  /**
   * Scores the sample offline a few times before the replay, so that the JIT compilers have
   * compiled the decoder and the scorers, as in an instance that has run for a while: the latency
   * of the replay is then the one a running deployment shows. Skipped with the online novelty
   * score on, whose window would otherwise start with these alerts.
   */
  private static void warmScorers(LocalStack stack, List<Path> files) throws Exception {
    if (!"0".equals(stack.config.stageSettings().getOrDefault("anomaly.novelty.window", "0").strip())) {
      return;
    }
    ScoringPipeline pipeline = stack.components.pipeline(ScoringMetrics.inMemory());
    List<byte[]> packets = new ArrayList<>();
    for (Path f : files) {
      packets.add(AlertFiles.read(f));
    }
    try (Progress progress = new Progress("warming the scorers", WARM_PASSES * files.size())) {
      for (int pass = 0; pass < WARM_PASSES; pass++) {
        int before = pass * files.size();
        OfflineScoring.scoreAll(stack.components, pipeline, packets, stack.config.batchMaxSize(), n -> progress.stepTo(before + n));
      }
    }
  }

  private static MetricsServer startMetrics(AppConfig config, PrometheusMeterRegistry registry, NightjarStreams streams) {
    if (config.metricsPort() == 0) {
      return null;
    }
    try {
      return MetricsServer.start(config.metricsHost(), config.metricsPort(), registry, streams::isAlive, streams::isRunning);
    } catch (IllegalStateException e) {
      System.err.println("metrics endpoint not started: " + e.getMessage());
      return null;
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.get(sorted.size() / 2);
  }
}
