package org.nightjar.app.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.nightjar.app.broker.EmbeddedKafka;

/** The foundation scenario against the in-JVM KRaft broker: runs everywhere, CI included. */
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
}
