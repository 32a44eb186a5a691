package org.nightjar.app;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Kafka Streams instance of the Nightjar topology, with the failure policy of the
 * design: bad records never reach here (they are dead-lettered inside the topology), so an
 * uncaught exception is infrastructure trouble and the stream thread is replaced.
 */
public final class NightjarStreams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NightjarStreams.class);

  private final KafkaStreams streams;

  public NightjarStreams(Topology topology, Properties properties) {
    this.streams = new KafkaStreams(Objects.requireNonNull(topology), Objects.requireNonNull(properties));
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("stream thread failed; replacing it", e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> LOG.info("Kafka Streams {} -> {}", before, now));
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public KafkaStreams kafkaStreams() {
    return streams;
  }

  /** Starts and waits until the instance runs (partitions assigned, stores restored). */
  public void startAndAwaitRunning(Duration timeout) throws InterruptedException {
    streams.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("Kafka Streams stopped while starting: " + streams.state());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Kafka Streams not running after " + timeout + " (state " + streams.state() + ")");
      }
      Thread.sleep(50);
    }
  }

  /** Whether the instance is up and working (for /ready). */
  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** Whether the instance is alive, possibly rebalancing (for /health). */
  public boolean isAlive() {
    return streams.state().isRunningOrRebalancing() || streams.state() == KafkaStreams.State.CREATED;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
