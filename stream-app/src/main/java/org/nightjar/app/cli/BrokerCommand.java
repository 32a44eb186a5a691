package org.nightjar.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.nightjar.app.broker.EmbeddedKafka;
import org.nightjar.app.config.AppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A real single-node KRaft broker in its own process, with Nightjar's topics, for trying {@code
 * run}, {@code replay} and {@code bench --cluster} without a cluster, or for giving the broker
 * cores of its own (e.g. under {@code taskset}). Its data lives in a temporary folder and is gone
 * when it stops.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = {"Start a single-node Kafka broker (KRaft, in this process) with the configured input and output topics.",
        "Prints its bootstrap address and serves until stopped (Ctrl-C); its data is temporary."})
public final class BrokerCommand implements Callable<Integer> {
  private static final long CLOSE_TIMEOUT_S = 60;

  @Mixin ConfigOptions configOptions;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--bootstrap-file", paramLabel = "FILE",
      description = "Also write the bootstrap address to this file once the broker serves (for scripts).")
  Path bootstrapFile;

  @Override
  public Integer call() throws Exception {
    AppConfig config = configOptions.load(Map.of());
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    // The JVM halts as soon as its shutdown hooks return: the hook waits until the broker has
    // stopped and its folder is deleted, or a Ctrl-C would leave gigabytes of logs behind.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopped.countDown();
      awaitQuietly(closed);
    }, "nightjar-broker-shutdown"));
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      List<String> topics = new ArrayList<>(config.inputTopics());
      topics.addAll(config.outputTopics());
      kafka.createTopics(topics, partitions);
      if (bootstrapFile != null) {
        Files.writeString(bootstrapFile, kafka.bootstrapServers() + System.lineSeparator());
      }
      System.out.printf("bootstrap.servers=%s%ntopics (%d partitions each): %s%n", kafka.bootstrapServers(), partitions,
          String.join(", ", topics));
      System.out.flush();
      stopped.await();
    } finally {
      closed.countDown();
    }
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(CLOSE_TIMEOUT_S, TimeUnit.SECONDS)) {
        System.err.println("the broker did not stop within " + CLOSE_TIMEOUT_S + " s; its folder may be left behind");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
