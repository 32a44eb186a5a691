package org.nightjar.app.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class InJvmKafkaLogTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ListAppender<ILoggingEvent> console = new ListAppender<>();

  @AfterEach
  void restore() {
    Stream.concat(InJvmKafkaLog.BROKER.stream(), InJvmKafkaLog.CLIENT_CHATTER.stream()).forEach(name -> {
      Logger l = context.getLogger(name);
      l.detachAndStopAllAppenders();
      l.setAdditive(true);
      l.setLevel(null);
    });
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(console);
  }

  @Test
  void shouldKeepTheBrokersErrorsAndTheClientsStartupChatterInTheFileAndNightjarOnTheConsole(@TempDir Path dir)
      throws Exception {
    console.setContext(context);
    console.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
    Path file = InJvmKafkaLog.divert(dir.resolve("kafka.log"));

    LoggerFactory.getLogger("kafka.server.ReplicaManager").error("Error processing append operation on partition x-0");
    LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").warn("UNKNOWN_TOPIC_OR_PARTITION while topics appear");
    LoggerFactory.getLogger("LogFutureTimestampLogger").warn("LogSegment(baseOffset=0) contains future timestamp(s)");
    LoggerFactory.getLogger("org.nightjar.app.Demo").warn("a warning of Nightjar's own");

    String written = Files.readString(file);
    assertTrue(written.contains("Error processing append operation") && written.contains("UNKNOWN_TOPIC_OR_PARTITION")
        && written.contains("future timestamp"), written);
    assertFalse(console.list.stream().anyMatch(e -> e.getLoggerName().startsWith("kafka")
        || e.getLoggerName().startsWith("org.apache.kafka") || e.getLoggerName().equals("LogFutureTimestampLogger")),
        "broker and client records reached the console");
    assertTrue(console.list.stream().anyMatch(e -> e.getFormattedMessage().equals("a warning of Nightjar's own")));
  }
}
