package org.nightjar.app.security;

import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Ways the cluster refuses this client. None of them heals by retrying: the credentials, the
 * trust store or the ACLs must change first, so the app stops instead of retrying forever.
 */
public enum AccessFailure {
  /** The TLS handshake failed: the broker's certificate is not trusted, or the host name differs. */
  TLS("TLS handshake failed", "check kafka.ssl.truststore.location (and its password) and that the broker's "
      + "certificate names the host in kafka.bootstrap.servers"),
  /** SASL refused the user or the password. */
  AUTHENTICATION("authentication failed", "check the user name and password in kafka.sasl.jaas.config "
      + "(NIGHTJAR_KAFKA_SASL_JAAS_CONFIG) and that the user exists for this mechanism"),
  /** Authenticated, but an ACL denies a topic, the group or a transactional id. */
  AUTHORIZATION("authorization failed", "grant the principal the ACLs listed in the runbook (topics, group, "
      + "transactional ids prefixed with the application.id)");

  private final String summary;
  private final String hint;

  AccessFailure(String summary, String hint) {
    this.summary = summary;
    this.hint = hint;
  }

  public String summary() {
    return summary;
  }

  /** What an operator should check. */
  public String hint() {
    return hint;
  }

  /** The access failure somewhere in the cause chain of {@code error}, if any. */
  public static Optional<AccessFailure> of(Throwable error) {
    return refusal(error).map(AccessFailure::classify);
  }

  /**
   * Kafka's own words on the refusal: the message of the access exception and of what caused it
   * (for TLS, why the certificate was refused); the innermost message when there is none.
   */
  static String kafkaMessage(Throwable error) {
    Optional<Throwable> refusal = refusal(error);
    if (refusal.isPresent()) {
      Throwable t = refusal.get();
      Throwable cause = t.getCause();
      return cause == null || cause.getMessage() == null ? t.getMessage() : t.getMessage() + ": " + cause.getMessage();
    }
    String message = error.getClass().getSimpleName();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message;
  }

  private static Optional<Throwable> refusal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationException || t instanceof AuthorizationException) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static AccessFailure classify(Throwable refusal) {
    if (refusal instanceof SslAuthenticationException) {
      return TLS;
    }
    return refusal instanceof AuthenticationException ? AUTHENTICATION : AUTHORIZATION;
  }
}
