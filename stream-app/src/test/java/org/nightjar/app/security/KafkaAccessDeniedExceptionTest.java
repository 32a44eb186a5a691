package org.nightjar.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class KafkaAccessDeniedExceptionTest {
  private static final String PASSWORD = "hunter2-scram";
  private static final String TRUST_PASSWORD = "hunter2-trust";

  @Test
  void shouldFindTheAccessFailureWhereverKafkaWrapsIt() {
    assertEquals(Optional.of(AccessFailure.AUTHENTICATION),
        AccessFailure.of(new ExecutionException(new SaslAuthenticationException("invalid credentials"))));
    assertEquals(Optional.of(AccessFailure.TLS), AccessFailure.of(new StreamsException(
        new SslAuthenticationException("SSL handshake failed", new SSLHandshakeException("PKIX path building failed")))));
    assertEquals(Optional.of(AccessFailure.AUTHORIZATION),
        AccessFailure.of(new StreamsException(new TopicAuthorizationException("Not authorized to access topics"))));
    assertEquals(Optional.empty(), AccessFailure.of(new ExecutionException(new TimeoutException("no broker"))),
        "a timeout may heal; it is not an access failure");
    assertEquals(Optional.empty(), AccessFailure.of(new IllegalStateException("unrelated")));
  }

  @Test
  void shouldNameWhatFailedWhereAndHowWithoutAnySecret() {
    Properties client = client();
    // Should a broker or a login module ever echo the password, it is masked all the same.
    KafkaAccessDeniedException denied = KafkaAccessDeniedException.describe(AccessFailure.AUTHENTICATION,
        new ExecutionException(new SaslAuthenticationException("invalid credentials (tried " + PASSWORD + ")")), client);
    String message = denied.getMessage();
    for (String expected : List.of("authentication failed", "user 'nightjar'", "SCRAM-SHA-512", "SASL_SSL",
        "broker1:9093,broker2:9093", "invalid credentials", "kafka.sasl.jaas.config")) {
      assertTrue(message.contains(expected), "'" + expected + "' in: " + message);
    }
    assertFalse(message.contains(PASSWORD), message);
    assertFalse(message.contains(TRUST_PASSWORD), message);
    assertEquals(0, denied.getStackTrace().length, "an operator's message, not a bug report");
  }

  @Test
  void shouldPointAtTheTrustStoreWhenTheHandshakeFails() {
    String message = KafkaAccessDeniedException.describe(AccessFailure.TLS, new SslAuthenticationException(
        "SSL handshake failed", new SSLHandshakeException("unable to find valid certification path")), client()).getMessage();
    assertTrue(message.contains("TLS handshake failed"), message);
    assertTrue(message.contains("unable to find valid certification path"), message);
    assertTrue(message.contains("kafka.ssl.truststore.location"), message);
  }

  private static Properties client() {
    Properties p = new Properties();
    p.put("bootstrap.servers", "broker1:9093,broker2:9093");
    p.put("security.protocol", "SASL_SSL");
    p.put("sasl.mechanism", "SCRAM-SHA-512");
    p.put("sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"nightjar\" password=\"" + PASSWORD + "\";");
    p.put("ssl.truststore.password", TRUST_PASSWORD);
    return p;
  }
}
