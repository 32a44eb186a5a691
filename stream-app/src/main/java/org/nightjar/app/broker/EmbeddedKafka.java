package org.nightjar.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
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
  static final String CLEANER_BUFFER_CONFIG = "log.cleaner.dedupe.buffer.size";
  static final long CLEANER_BUFFER_BYTES = 16L * 1024 * 1024;

  private final KafkaClusterTestKit cluster;
  private final BrokerFolder folder;

  private EmbeddedKafka(KafkaClusterTestKit cluster, BrokerFolder folder) {
    this.cluster = cluster;
    this.folder = folder;
  }

  /** Formats and starts a fresh broker in a temporary directory; returns once it serves. */
  public static EmbeddedKafka start() {
    return start(Optional.empty());
  }

  /**
   * As {@link #start()}, with one more listener beside the plaintext one (e.g. SASL_SSL for the
   * security tests: the test kit itself only offers PLAINTEXT and SASL_PLAINTEXT). The plaintext
   * listener stays the inter-broker one and the one of {@link #bootstrapServers()}.
   */
  public static EmbeddedKafka startWithListener(ExtraListener listener) {
    return start(Optional.of(listener));
  }

  /**
   * A listener to add: its name, its protocol, and the broker settings it needs (usually
   * {@code listener.name.<name>.*} keys: mechanisms, JAAS, key store).
   */
  public record ExtraListener(String name, SecurityProtocol protocol, Map<String, String> settings) {
    public ExtraListener {
      name = name.toUpperCase(Locale.ROOT);
      settings = Map.copyOf(settings);
    }
  }

  private static EmbeddedKafka start(Optional<ExtraListener> extra) {
    BrokerFolder folder = null;
    try {
      folder = BrokerFolder.claim();
      Path dir = folder.path();
      TestKitNodes nodes = new TestKitNodes.Builder()
          .setCombined(true)
          .setNumBrokerNodes(1)
          .setNumControllerNodes(1)
          .setBaseDirectory(dir)
          .build();
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
      extra.ifPresent(listener -> addListener(builder, nodes, listener));
      KafkaClusterTestKit cluster = builder
          // One broker: every internal topic must live with a replication factor of 1.
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("offsets.topic.num.partitions", "3")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .setConfigProp("transaction.state.log.num.partitions", "3")
          .setConfigProp("min.insync.replicas", "1")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          // The controller writes a no-op to its metadata log, with an fsync, when idle this long
          // (500 ms by default). On a disk shared with the partition logs, such an fsync took up to
          // 0.7 s and the appends beside it waited: in three bench runs, 9 of 11 appends slower than
          // 0.1 s (up to 0.55 s) overlapped one, and one of them made a 355 ms alert; at 5 s, two
          // runs had no append that slow.
          .setConfigProp("metadata.max.idle.interval.ms", "5000")
          .setConfigProp("message.max.bytes", TopicAdmin.MAX_MESSAGE_BYTES)
          // The log cleaner's key map is a heap buffer, allocated at start-up (128 MiB by default):
          // in this JVM it would sit in the application's old generation for good. The compacted
          // topics of a local broker (changelogs, offsets, transactions) need far less.
          .setConfigProp(CLEANER_BUFFER_CONFIG, String.valueOf(CLEANER_BUFFER_BYTES))
          .setConfigProp("auto.create.topics.enable", "false")
          .setDeleteOnClose(true)
          .build();
      formatQuietly(cluster);
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new EmbeddedKafka(cluster, folder);
    } catch (Exception e) {
      if (folder != null) {
        folder.close();
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot start the embedded Kafka broker: " + e.getMessage(), e);
    }
  }

  /**
   * The test kit keeps listener settings given to it and fills in only what is missing; its
   * prebound sockets cover its own two listeners, the extra one binds a free port of its own.
   */
  private static void addListener(KafkaClusterTestKit.Builder builder, TestKitNodes nodes, ExtraListener listener) {
    String broker = nodes.brokerListenerName().value();
    String controller = nodes.controllerListenerName().value();
    builder.setConfigProp("listeners", String.join(",", broker + "://localhost:0", controller + "://localhost:0",
        listener.name() + "://localhost:0"));
    builder.setConfigProp("listener.security.protocol.map", String.join(",",
        broker + ":" + nodes.brokerListenerProtocol().name, controller + ":" + nodes.controllerListenerProtocol().name,
        listener.name() + ":" + listener.protocol().name));
    listener.settings().forEach(builder::setConfigProp);
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
    return folder.path().resolve("streams-state");
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

  /** Bootstrap servers of the plaintext listener. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Bootstrap servers of the listener given to {@link #startWithListener}. */
  public String bootstrapServers(ExtraListener listener) {
    return cluster.brokers().values().stream()
        .map(b -> "localhost:" + b.boundPort(ListenerName.normalised(listener.name())))
        .collect(Collectors.joining(","));
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
      folder.close();
    }
  }
}
