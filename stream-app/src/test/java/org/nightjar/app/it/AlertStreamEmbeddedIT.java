package org.nightjar.app.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nightjar.app.broker.EmbeddedKafka;
import org.nightjar.app.cli.RunProcess;
import org.nightjar.app.replay.OutputTally;

/**
 * The foundation scenario against the in-JVM KRaft broker: runs everywhere, CI included; and,
 * since that broker can be stopped and started again, a broker restart in the middle of the stream.
 */
class AlertStreamEmbeddedIT extends AlertStreamScenario {
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Override
  protected String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Test
  void shouldResumeByItselfWhenTheBrokerRestartsMidStream() throws Exception {
    Run r = newRun();
    List<byte[]> messages = r.messages();
    int half = messages.size() / 2;
    try (OutputTally tally = tally(r); KafkaProducer<byte[], byte[]> producer = producer()) {
      RunProcess nightjar = nightjar(r);
      nightjar.start();
      try {
        for (byte[] m : messages.subList(0, half)) {
          producer.send(new ProducerRecord<>(r.input(), m)).get();
        }
        assertTrue(tally.awaitTotal(() -> 5, OUTPUT_TIMEOUT), "no output before the restart");
        long before = tally.scored() + tally.deadLettered();
        // Down for longer than a commit interval and a session heartbeat: transactions in flight fail.
        kafka.restartBroker(Duration.ofSeconds(5));
        System.out.printf("broker restarted with %d of %d out%n", before, r.expectedOutputs());
        for (byte[] m : messages.subList(half, messages.size())) {
          producer.send(new ProducerRecord<>(r.input(), m)).get();
        }
        boolean complete = tally.awaitTotal(r::expectedOutputs, OUTPUT_TIMEOUT);
        tally.drain(Duration.ofSeconds(3));
        assertTrue(complete, () -> "timed out after the broker restart: " + whatIsMissing(r, tally, "broker-restart"));
        assertTrue(nightjar.isAlive(), "Nightjar stopped instead of riding out the restart");
      } finally {
        nightjar.stop();
      }
      assertExactlyOnce(r, tally);
    }
  }
}
