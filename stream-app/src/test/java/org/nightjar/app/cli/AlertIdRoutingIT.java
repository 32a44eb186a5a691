package org.nightjar.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.nightjar.app.config.KafkaProperties;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.testing.SampleAlerts;

/**
 * {@code dedupe.scope=alert-id} through a real in-JVM broker: copies of one alert sent to every
 * input partition meet and are scored once, the copy that arrived on its id's own partition goes
 * straight on, and only the others take the repartition hop.
 */
class AlertIdRoutingIT {
  private static final int PARTITIONS = 3;
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void copiesOnEveryPartitionAreScoredOnceAndOnlyThoseAwayFromHomeTakeTheHop() throws Exception {
    List<byte[]> packets = new ArrayList<>();
    for (Path p : SampleAlerts.ztf().subList(0, 13)) {
      packets.add(Files.readAllBytes(p));
    }
    AlertCodec codec = AlertCodec.withDefaults();
    try (LocalStack stack = LocalStack.start(new ConfigOptions(), Map.of("embed.workers", "1"), PARTITIONS);
        KafkaProducer<byte[], byte[]> producer = AlertReplayer.producer(KafkaProperties.clients(stack.config))) {
      String input = stack.config.inputTopics().get(0);
      // The first alert teaches the router the repartition topic's partition count: until then
      // every alert takes the hop, whichever partition it arrived on.
      producer.send(new ProducerRecord<>(input, 0, null, packets.get(0))).get();
      assertTrue(stack.tally.awaitTotal(() -> 1, TIMEOUT), "the first alert came out");
      double hoppedBefore = stack.metrics.count("nightjar.alerts.repartitioned");
      assertEquals(1.0, hoppedBefore, "the count is unknown before the first hop");

      List<byte[]> copies = packets.subList(1, packets.size());
      for (byte[] packet : copies) {
        for (int partition = 0; partition < PARTITIONS; partition++) {
          producer.send(new ProducerRecord<>(input, partition, null, packet)).get();
        }
      }
      long expected = 1 + copies.size();
      assertTrue(stack.tally.awaitTotal(() -> expected, TIMEOUT), "every alert came out");
      stack.tally.drain(Duration.ofSeconds(2));

      assertEquals(expected, stack.tally.scored(), "each alert scored once, whichever partitions its copies came by");
      assertEquals(0, stack.tally.repeatedIds());
      assertEquals(2.0 * copies.size(), stack.metrics.count("nightjar.alerts.duplicates"), "the other copies dropped");
      assertEquals(2.0 * copies.size(), stack.metrics.count("nightjar.alerts.repartitioned") - hoppedBefore,
          "of the three copies of each alert, the one on its id's partition skipped the hop");
      for (byte[] packet : copies) {
        assertTrue(stack.tally.alertIds().contains(codec.decode(packet).alertId()));
      }
    }
  }
}
