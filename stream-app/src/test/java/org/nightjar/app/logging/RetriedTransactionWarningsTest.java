package org.nightjar.app.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class RetriedTransactionWarningsTest {
  private static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";
  private final RetriedTransactionWarnings filter = new RetriedTransactionWarnings();
  private final LoggerContext context = new LoggerContext();

  private FilterReply decide(String logger, Level level, String message) {
    return filter.decide(new LoggingEvent(SENDER, context.getLogger(logger), level, message, null, null));
  }

  @Test
  void shouldHideOnlyTheTwoRetriedTransactionErrors() {
    String retried = "[Producer clientId=x-StreamThread-1-producer, transactionalId=x-1] Got error produce response with"
        + " correlation id 2469 on topic-partition x-by-alert-id-repartition-1, retrying (2147483646 attempts left). Error: ";
    assertEquals(FilterReply.DENY, decide(SENDER, Level.WARN, retried + "CONCURRENT_TRANSACTIONS"));
    assertEquals(FilterReply.DENY, decide(SENDER, Level.WARN, retried + "OUT_OF_ORDER_SEQUENCE_NUMBER"));

    assertEquals(FilterReply.NEUTRAL, decide(SENDER, Level.WARN, retried + "NOT_LEADER_OR_FOLLOWER"), "other retries show");
    assertEquals(FilterReply.NEUTRAL, decide(SENDER, Level.ERROR, retried + "CONCURRENT_TRANSACTIONS"), "errors show");
    assertEquals(FilterReply.NEUTRAL, decide("org.apache.kafka.clients.NetworkClient", Level.WARN,
        retried + "CONCURRENT_TRANSACTIONS"), "other loggers show");
    assertEquals(FilterReply.NEUTRAL, decide(SENDER, Level.WARN,
        "Got error produce response, not retrying. Error: OUT_OF_ORDER_SEQUENCE_NUMBER"), "a give-up shows");
  }
}
