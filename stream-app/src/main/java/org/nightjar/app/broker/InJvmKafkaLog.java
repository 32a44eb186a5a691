package org.nightjar.app.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Sends the log of a broker that runs inside this JVM (demo, bench) to a file instead of the
 * console, as a broker in its own process would keep its own log: its start-up records, its
 * retries and its internal errors are a broker operator's business, not the reader's of the
 * demo's summary. The clients' start-up chatter about topics that Kafka Streams is still creating
 * goes to the same file. Nightjar's own log stays on the console.
 */
public final class InJvmKafkaLog {

  /**
   * The broker's loggers: the Scala core, the server-side Java packages, and the log layer's
   * retention warning about record timestamps ahead of the clock, which has a bare name.
   */
  static final List<String> BROKER = List.of("kafka", "state.change.logger", "org.apache.kafka.server",
      "org.apache.kafka.controller", "org.apache.kafka.raft", "org.apache.kafka.metadata", "org.apache.kafka.image",
      "org.apache.kafka.storage", "org.apache.kafka.coordinator", "org.apache.kafka.common.test",
      "org.apache.kafka.network", "org.apache.kafka.security", "org.apache.kafka.snapshot", "org.apache.kafka.queue",
      "LogFutureTimestampLogger");
  /**
   * Client warnings that a fresh single-node broker always causes: metadata for internal topics
   * being created, a state directory under the temporary folder, a deprecation notice.
   */
  static final List<String> CLIENT_CHATTER = List.of("org.apache.kafka.clients.NetworkClient",
      "org.apache.kafka.streams.processor.internals.StateDirectory", "org.apache.kafka.streams.StreamsConfig");

  private InJvmKafkaLog() {}

  /**
   * From now on, writes those loggers (at INFO for the broker, WARN for the clients) to {@code
   * file} only, replacing its content.
   *
   * @return the file
   */
  public static Path divert(Path file) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n");
    encoder.start();
    FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("in-jvm-kafka");
    appender.setFile(file.toString());
    appender.setAppend(false);
    appender.setEncoder(encoder);
    appender.start();
    for (String name : BROKER) {
      attach(context.getLogger(name), appender, Level.INFO);
    }
    for (String name : CLIENT_CHATTER) {
      attach(context.getLogger(name), appender, Level.WARN);
    }
    return file;
  }

  private static void attach(Logger logger, FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender, Level level) {
    logger.detachAppender(appender.getName());
    logger.addAppender(appender);
    logger.setAdditive(false);
    logger.setLevel(level);
  }
}
