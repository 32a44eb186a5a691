package org.nightjar.app.it;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same scenario against Apache Kafka in a container; skipped (reported as skipped) where no
 * Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class AlertStreamContainerIT extends AlertStreamScenario {
  @Container
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0")
      .withEnv("KAFKA_MESSAGE_MAX_BYTES", Integer.toString(16 << 20));

  @Override
  protected String bootstrapServers() {
    return KAFKA.getBootstrapServers();
  }
}
