package org.nightjar.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nightjar.app.broker.TemporaryFolders;
import org.nightjar.app.broker.TopicAdmin;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.KafkaProperties;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.app.replay.OutputTally;

/**
 * Time from starting {@code nightjar run} in a new JVM to its first scored alert, on the broker of
 * a running {@link LocalStack}: JVM start, bundle load, Kafka Streams start and group join, and one
 * alert through the stream. The alert waits in the input topic before the process starts, as the
 * night's first alerts wait for an instance that is being deployed.
 */
final class ColdStart {
  private static final Pattern BUNDLE_LOADED = Pattern.compile("loaded in (\\d+) ms");
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private ColdStart() {}

  record Result(double firstScoredSeconds, double runningSeconds, Optional<Long> bundleLoadMs) {}

  static Result measure(LocalStack stack, FreshTraffic traffic) throws IOException, InterruptedException {
    AppConfig config = stack.config;
    String prefix = "nightjar-bench-cold-" + Long.toString(System.currentTimeMillis(), 36);
    String input = prefix + ".alerts";
    Properties clients = KafkaProperties.clients(config);
    List<String> topics = new ArrayList<>(List.of(input));
    topics.addAll(AppConfig.outputTopics(prefix));
    TopicAdmin.createMissing(clients, topics, 1, Optional.empty());
    new AlertReplayer(clients).replay(1, traffic.source(), input, 0, n -> {});

    Path work = Files.createTempDirectory("nightjar-cold-start");
    Map<String, String> settings = new LinkedHashMap<>(config.stageSettings());
    config.kafka().forEach((k, v) -> settings.put("kafka." + k, v));
    settings.putAll(Map.of("application.id", prefix, "input.topics", input, "output.prefix", prefix, "metrics.port", "0",
        "kafka.state.dir", work.resolve("state").toString()));
    RunProcess run = new RunProcess(settings, "2g", work);
    boolean measured = false;
    try (OutputTally tally = new OutputTally(clients, prefix + ".scored", prefix + ".dlq")) {
      long t0 = System.currentTimeMillis();
      run.start();
      Duration running = run.awaitRunning(TIMEOUT, () -> tally.awaitTotal(() -> 1, Duration.ofMillis(50)));
      if (!tally.awaitTotal(() -> 1, TIMEOUT)) {
        throw new IllegalStateException("the cold-started instance scored nothing in " + TIMEOUT + "; see " + run.log());
      }
      double first = (tally.lastReceivedMs() - t0) / 1000.0;
      Matcher m = BUNDLE_LOADED.matcher(Files.readString(run.log()));
      measured = true;
      return new Result(first, running.toMillis() / 1000.0, m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty());
    } finally {
      run.stop();
      TopicAdmin.deleteWithPrefix(clients, prefix);
      if (measured) {
        TemporaryFolders.deleteRecursively(work); // its log and state; kept when the start failed, for the log
      }
    }
  }
}
