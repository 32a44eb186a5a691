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
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SslAuthenticationException) {
        return Optional.of(TLS);
      }
      if (t instanceof AuthenticationException) {
        return Optional.of(AUTHENTICATION);
      }
      if (t instanceof AuthorizationException) {
        return Optional.of(AUTHORIZATION);
      }
    }
    return Optional.empty();
  }

  /** The innermost message of the cause chain: Kafka's own words on what went wrong. */
  static String rootMessage(Throwable error) {
    String message = error.getMessage();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? error.getClass().getSimpleName() : message;
  }
}
