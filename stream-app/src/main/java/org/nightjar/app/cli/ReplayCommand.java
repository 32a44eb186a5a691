package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nightjar.app.Components;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.KafkaProperties;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends alert packet files to a topic of a real cluster, at a chosen rate. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Send .avro alert packets (files or folders) to a Kafka topic, one file per message, at a chosen rate.")
public final class ReplayCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "Target topic (default: the first of input.topics).")
  String topic;

  @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "0", description = "Messages per second; 0 = as fast as possible (default).")
  double rate;

  @Option(names = "--times", paramLabel = "N", defaultValue = "1", description = "Send the whole set N times (default: ${DEFAULT-VALUE}).")
  int times;

  @Option(names = "--key-by-alert-id", description = {"Key each message by its alert id (8 bytes, big-endian), as a producer that",
      "partitions alerts by id would; by default messages go unkeyed, as survey brokers send them."})
  boolean keyByAlertId;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Alert packet files or folders of them.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    AppConfig config = configOptions.load(Map.of());
    List<Path> files = AlertFiles.expand(paths);
    List<Path> all = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      all.addAll(files);
    }
    String target = topic != null ? topic : config.inputTopics().get(0);
    long start = System.nanoTime();
    int sent;
    try (Progress progress = new Progress("replay to " + target, all.size())) {
      AlertReplayer.Keys keys = keyByAlertId
          ? AlertReplayer.byAlertId(new AlertCodec(Components.codecSettings(config))) : AlertReplayer.UNKEYED;
      sent = new AlertReplayer(KafkaProperties.clients(config), keys).replay(all, target, rate, progress::stepTo);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("sent=%d topic=%s seconds=%.2f rate=%.1f%n", sent, target, seconds, sent / seconds);
    return 0;
  }
}
