package org.nightjar.app.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) inside this JVM, built
 * from Kafka's own test kit: no ZooKeeper, no Docker. Used by the demo, the benchmark and the
 * integration tests, so every one of them runs against a real broker with real transactions.
 */
public final class EmbeddedKafka implements AutoCloseable {
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
          .setConfigProp("message.max.bytes", Integer.toString(16 * 1024 * 1024))
          .setConfigProp("auto.create.topics.enable", "false")
          .setDeleteOnClose(true)
          .build();
      cluster.format();
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

  /**
   * A state directory for Kafka Streams that lives and dies with this broker: state kept from an
   * earlier broker would not match the fresh topics.
   */
  public Path stateDirectory() {
    return directory.resolve("streams-state");
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Creates the topics that do not exist yet (replication factor 1). */
  public void createTopics(Collection<String> names, int partitions) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> fresh = names.stream().distinct().filter(n -> !existing.contains(n))
          .map(n -> new NewTopic(n, partitions, (short) 1).configs(Map.of("max.message.bytes", Integer.toString(16 * 1024 * 1024))))
          .toList();
      if (!fresh.isEmpty()) {
        admin.createTopics(fresh).all().get();
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topics " + names + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
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
