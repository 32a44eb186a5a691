package org.nightjar.app.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.nightjar.app.topology.DeadLetter;
import org.nightjar.schemas.AlertCodec;

/**
 * What the broker holds, for the message of a timed-out stream test: per output partition, the
 * end offset a {@code read_committed} consumer stops at (the last stable offset) beside the high
 * watermark, the producers with a transaction still open there, the transactions the
 * coordinators do not call complete, and every dead letter a {@code read_uncommitted} reader
 * sees. A record written but never visible shows as a gap between the two offsets.
 */
final class BrokerView {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private BrokerView() {}

  static String describe(String bootstrapServers, String inputTopic, String groupId, String scoredTopic,
      String deadLetterTopic) {
    Properties client = new Properties();
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    StringBuilder out = new StringBuilder();
    try (Admin admin = Admin.create(client)) {
      List<TopicPartition> partitions = new ArrayList<>();
      await(admin.describeTopics(List.of(scoredTopic, deadLetterTopic)).allTopicNames()).forEach((topic, d) ->
          d.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
      Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
      var committed = await(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
      var uncommitted = await(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all());
      var producers = await(admin.describeProducers(partitions).all());
      for (TopicPartition p : partitions) {
        out.append(String.format("%n  %s: stable offset %d, high watermark %d", p, committed.get(p).offset(),
            uncommitted.get(p).offset()));
        for (ProducerState s : producers.get(p).activeProducers()) {
          if (s.currentTransactionStartOffset().isPresent()) {
            out.append(String.format("; producer %d epoch %d has a transaction open since offset %d", s.producerId(),
                s.producerEpoch(), s.currentTransactionStartOffset().getAsLong()));
          }
        }
      }
      await(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()).forEach((p, o) ->
          out.append(String.format("%n  group %s committed %s at %s", groupId, p, o == null ? "-" : o.offset())));
      List<String> ids = await(admin.listTransactions().all()).stream()
          .filter(t -> t.state() != TransactionState.COMPLETE_COMMIT && t.state() != TransactionState.COMPLETE_ABORT
              && t.state() != TransactionState.EMPTY)
          .map(TransactionListing::transactionalId).toList();
      if (!ids.isEmpty()) {
        await(admin.describeTransactions(ids).all()).forEach((id, t) -> out.append(
            String.format("%n  transaction %s: %s, producer %d epoch %d, partitions %s", id, t.state(),
                t.producerId(), t.producerEpoch(), t.topicPartitions())));
      }
    } catch (Exception e) {
      out.append(String.format("%n  (broker not described: %s)", e));
    }
    out.append(String.format("%n  dead letters read uncommitted:%s", deadLettersUncommitted(bootstrapServers, deadLetterTopic)));
    out.append(String.format("%n  input messages without an alert id:%s", undecodableInput(bootstrapServers, inputTopic)));
    return out.toString();
  }

  private static <T> T await(KafkaFuture<T> future) throws Exception {
    return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static String deadLettersUncommitted(String bootstrapServers, String topic) {
    StringBuilder out = new StringBuilder();
    readAll(bootstrapServers, topic, "read_uncommitted", r -> out.append(String.format(" p%d@%d %s (source p%s@%s);",
        r.partition(), r.offset(), header(r, DeadLetter.REASON), header(r, DeadLetter.SOURCE_PARTITION),
        header(r, DeadLetter.SOURCE_OFFSET))), out);
    return out.toString();
  }

  /** Reads every partition of {@code topic} to its end; a failure is noted in {@code out}. */
  private static void readAll(String bootstrapServers, String topic, String isolation,
      Consumer<ConsumerRecord<byte[], byte[]>> each, StringBuilder out) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(each);
      }
    } catch (RuntimeException e) {
      out.append(" (not read: ").append(e).append(')');
    }
  }

  private static String undecodableInput(String bootstrapServers, String topic) {
    StringBuilder out = new StringBuilder();
    AlertCodec codec = AlertCodec.withDefaults();
    readAll(bootstrapServers, topic, "read_committed", r -> {
      try {
        codec.alertId(r.value());
      } catch (Exception e) {
        out.append(String.format(" p%d@%d;", r.partition(), r.offset()));
      }
    }, out);
    return out.toString();
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
    Header h = r.headers().lastHeader(key);
    return h == null ? "-" : new String(h.value(), StandardCharsets.UTF_8);
  }
}
