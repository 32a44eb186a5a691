package org.nightjar.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) inside this JVM, built
 * from Kafka's own test kit: no ZooKeeper, no Docker. Used by the demo, the benchmark and the
 * integration tests, so every one of them runs against a real broker with real transactions.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final KafkaClusterTestKit cluster;
  private final Path directory;

  private EmbeddedKafka(KafkaClusterTestKit cluster, Path directory) {
    this.cluster = cluster;
    this.directory = directory;
  }

  /** Formats and starts a fresh broker in a temporary directory; returns once it serves. */
  public static EmbeddedKafka start() {
    try {
      Path dir = Files.createTempDirectory("nightjar-kafka-");
      TestKitNodes nodes = new TestKitNodes.Builder()
          .setCombined(true)
          .setNumBrokerNodes(1)
          .setNumControllerNodes(1)
          .setBaseDirectory(dir)
          .build();
      KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
          // One broker: every internal topic must live with a replication factor of 1.
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("offsets.topic.num.partitions", "3")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .setConfigProp("transaction.state.log.num.partitions", "3")
          .setConfigProp("min.insync.replicas", "1")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          .setConfigProp("message.max.bytes", TopicAdmin.MAX_MESSAGE_BYTES)
          .setConfigProp("auto.create.topics.enable", "false")
          .setDeleteOnClose(true)
          .build();
      formatQuietly(cluster);
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new EmbeddedKafka(cluster, dir);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot start the embedded Kafka broker: " + e.getMessage(), e);
    }
  }

  /** Formats the storage; the formatter reports to standard output, which belongs to the command. */
  private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
    PrintStream console = System.out;
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
    try {
      cluster.format();
    } finally {
      System.setOut(console);
    }
    LOG.debug("storage formatted: {}", report.toString(StandardCharsets.UTF_8).trim());
  }

  /**
   * A state directory for Kafka Streams that lives and dies with this broker: state kept from an
   * earlier broker would not match the fresh topics.
   */
  public Path stateDirectory() {
    return directory.resolve("streams-state");
  }

  /**
   * Stops the broker (its KRaft controller stays up), waits {@code downtime}, and starts it again
   * on the same port and log directory, as an operator restarting a broker would; returns once it
   * serves again. For tests of what clients do meanwhile.
   */
  public void restartBroker(Duration downtime) throws InterruptedException {
    for (BrokerServer broker : cluster.brokers().values()) {
      broker.shutdown();
      broker.awaitShutdown();
    }
    Thread.sleep(downtime.toMillis());
    for (BrokerServer broker : cluster.brokers().values()) {
      broker.startup();
    }
    Properties client = new Properties();
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(client)) {
      admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the restarted broker does not serve: " + e.getMessage(), e);
    }
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Creates the topics that do not exist yet (replication factor 1). */
  public void createTopics(Collection<String> names, int partitions) {
    Properties client = new Properties();
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    TopicAdmin.createMissing(client, names, partitions, Optional.of((short) 1));
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the embedded Kafka broker cleanly", e);
    } finally {
      deleteQuietly(directory);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // Temporary files only; the OS cleans up what is left.
    }
  }
}
