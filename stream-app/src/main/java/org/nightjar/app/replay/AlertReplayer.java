package org.nightjar.app.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.nightjar.app.config.KafkaProperties;
import org.nightjar.app.topology.AlertIdPartitioner;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;

/**
 * Sends alert packet files to a topic, one file per message value, exactly as a survey's
 * broker would (no re-encoding), optionally paced to a rate.
 */
public final class AlertReplayer {
  /** Messages without a key: the producer spreads them over the partitions, as survey brokers do. */
  public static final Keys UNKEYED = packet -> null;

  private final Properties producerProperties;
  private final Keys keys;

  public AlertReplayer(Properties clientProperties) {
    this(clientProperties, UNKEYED);
  }

  /** A replayer that gives each message the key {@code keys} makes of its packet. */
  public AlertReplayer(Properties clientProperties, Keys keys) {
    this.producerProperties = producerProperties(clientProperties);
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * A producer of raw packets as a survey's broker sends them: acknowledged by all replicas,
   * idempotent, and with room for a large alert in one request.
   */
  public static KafkaProducer<byte[], byte[]> producer(Properties clientProperties) {
    return new KafkaProducer<>(producerProperties(clientProperties));
  }

  private static Properties producerProperties(Properties clientProperties) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    p.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(8 * 1024 * 1024));
    p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(KafkaProperties.PRODUCER_BATCH_BYTES));
    return p;
  }

  /**
   * Sends every file in order; returns once all are acknowledged.
   *
   * @param ratePerSecond messages per second, or 0 for as fast as possible
   * @param progress told the number sent so far after each message
   * @return the number of messages sent
   */
  public int replay(List<Path> files, String topic, double ratePerSecond, IntConsumer progress) throws IOException {
    return replay(files.size(), i -> Files.readAllBytes(files.get(i)), topic, ratePerSecond, progress);
  }

  /**
   * Sends {@code count} packets in order, the i-th made by {@code packets} just before it is sent
   * (so making it is not counted in the record's timestamp); returns once all are acknowledged.
   */
  public int replay(int count, PacketSource packets, String topic, double ratePerSecond, IntConsumer progress) throws IOException {
    Objects.requireNonNull(topic, "topic");
    long intervalNanos = ratePerSecond > 0 ? (long) (1e9 / ratePerSecond) : 0;
    AtomicReference<Exception> failure = new AtomicReference<>();
    int sent = 0;
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties)) {
      Future<RecordMetadata> last = null;
      for (int i = 0; i < count; i++) {
        byte[] value = packets.packet(i);
        if (intervalNanos > 0) {
          long due = start + sent * intervalNanos;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            sleepNanos(wait);
          }
        }
        last = producer.send(new ProducerRecord<>(topic, keys.keyOf(value), value), (meta, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
        sent++;
        progress.accept(sent);
      }
      producer.flush();
      if (last != null) {
        last.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while replaying", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("the broker refused a message: " + e.getCause().getMessage(), e.getCause());
    }
    if (failure.get() != null) {
      throw new IOException("the broker refused a message: " + failure.get().getMessage(), failure.get());
    }
    return sent;
  }

  /**
   * Keys each message by its alert id, 8 bytes big-endian, as a producer that partitions alerts by
   * id would: with {@code dedupe.scope=alert-id} such input is already where its copies meet.
   */
  public static Keys byAlertId(AlertCodec codec) {
    return packet -> {
      try {
        return AlertIdPartitioner.keyOf(codec.alertId(packet));
      } catch (AlertDecodeException e) {
        return null; // no id to key by: sent unkeyed, and dead-lettered by the stream as it would be
      }
    };
  }

  /** The key a message gets from its packet; null for none. */
  @FunctionalInterface
  public interface Keys {
    byte[] keyOf(byte[] packet) throws IOException;
  }

  /** The i-th packet of a replay. */
  @FunctionalInterface
  public interface PacketSource {
    byte[] packet(int i) throws IOException;
  }

  private static void sleepNanos(long nanos) throws InterruptedException {
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }
}
