package org.nightjar.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps two retried producer errors of transactions v2 off the console. Under load, a stream
 * thread's producer sends to a partition of its next transaction while the broker is still
 * completing the previous one; the broker answers {@code CONCURRENT_TRANSACTIONS}, or {@code
 * OUT_OF_ORDER_SEQUENCE_NUMBER} for the requests pipelined behind it, and the producer retries
 * them until they succeed. Nothing is lost or duplicated (the kill and broker-restart tests count
 * every alert); the runbook explains the lines. Any other producer warning, and either of these
 * once the producer gives up (an error, not a retry), still shows.
 */
public final class RetriedTransactionWarnings extends Filter<ILoggingEvent> {
  private static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (event.getLevel() == Level.WARN && SENDER.equals(event.getLoggerName())) {
      String message = event.getFormattedMessage();
      if (message != null && message.contains(", retrying (")
          && (message.contains("Error: CONCURRENT_TRANSACTIONS") || message.contains("Error: OUT_OF_ORDER_SEQUENCE_NUMBER"))) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
