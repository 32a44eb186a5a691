package org.nightjar.app;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.nightjar.app.security.AccessFailure;
import org.nightjar.app.security.KafkaAccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Kafka Streams instance of the Nightjar topology, with the failure policy of the
 * design: bad records never reach here (they are dead-lettered inside the topology), so an
 * uncaught exception is infrastructure trouble and the stream thread is replaced; except when
 * the cluster refuses access (credentials, TLS, ACLs), which no new thread would change: then the
 * instance shuts down and {@link #accessDenied()} says why.
 */
public final class NightjarStreams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NightjarStreams.class);

  private final KafkaStreams streams;
  private volatile KafkaAccessDeniedException accessDenied;

  public NightjarStreams(Topology topology, Properties properties) {
    this.streams = new KafkaStreams(Objects.requireNonNull(topology), Objects.requireNonNull(properties));
    streams.setUncaughtExceptionHandler(e -> {
      Optional<AccessFailure> failure = AccessFailure.of(e);
      if (failure.isPresent()) {
        accessDenied = KafkaAccessDeniedException.describe(failure.get(), e, properties);
        LOG.error("{}", accessDenied.getMessage());
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      }
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
      if (accessDenied != null) {
        throw accessDenied;
      }
      if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("Kafka Streams stopped while starting: " + streams.state());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Kafka Streams not running after " + timeout + " (state " + streams.state() + ")");
      }
      Thread.sleep(50);
    }
  }

  /** Why the cluster refused this instance, once it has; the instance is then shutting down. */
  public Optional<KafkaAccessDeniedException> accessDenied() {
    return Optional.ofNullable(accessDenied);
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
