package org.nightjar.app.security;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects once before Kafka Streams starts, so that refused credentials stop the app at once
 * with a clear message; Kafka Streams itself would retry them, or die with a stack trace.
 */
public final class KafkaAccessCheck {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaAccessCheck.class);

  private KafkaAccessCheck() {}

  /**
   * Asks the cluster to describe itself with the app's client settings.
   *
   * @return the cluster id, or empty when no broker answered within {@code timeout} (not fatal:
   *     brokers may still be starting, and Kafka Streams waits for them)
   * @throws KafkaAccessDeniedException when the cluster refuses the TLS handshake, the
   *     credentials or the permission to describe it
   */
  public static Optional<String> verify(Properties clientProperties, Duration timeout) throws InterruptedException {
    Properties p = new Properties();
    p.putAll(clientProperties);
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "nightjar-access-check");
    try (Admin admin = Admin.create(p)) {
      String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).clusterId()
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      LOG.info("Kafka cluster {} accepts this client ({})", clusterId, p.getProperty("security.protocol", "PLAINTEXT"));
      return Optional.of(clusterId);
    } catch (ExecutionException e) {
      Optional<AccessFailure> failure = AccessFailure.of(e);
      if (failure.isPresent()) {
        throw KafkaAccessDeniedException.describe(failure.get(), e, p);
      }
      LOG.warn("Kafka did not answer the access check ({}); starting anyway", AccessFailure.kafkaMessage(e));
      return Optional.empty();
    } catch (TimeoutException e) {
      LOG.warn("no Kafka broker answered within {} s at {}; starting anyway", timeout.toSeconds(),
          p.getProperty("bootstrap.servers"));
      return Optional.empty();
    }
  }
}
