package org.nightjar.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      List<String> topics = new ArrayList<>(config.inputTopics());
      topics.addAll(config.outputTopics());
      kafka.createTopics(topics, partitions);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "nightjar-broker-shutdown"));
      if (bootstrapFile != null) {
        Files.writeString(bootstrapFile, kafka.bootstrapServers() + System.lineSeparator());
      }
      System.out.printf("bootstrap.servers=%s%ntopics (%d partitions each): %s%n", kafka.bootstrapServers(), partitions,
          String.join(", ", topics));
      System.out.flush();
      stopped.await();
    }
    return 0;
  }
}
