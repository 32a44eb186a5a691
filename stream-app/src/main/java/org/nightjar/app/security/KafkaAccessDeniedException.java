package org.nightjar.app.security;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nightjar.app.config.KafkaProperties;

/**
 * The cluster refused this client's credentials or permissions: fatal, the process stops with
 * {@link #EXIT_CODE}. The message names the failure, the user, the mechanism, the protocol and
 * the bootstrap servers, and never a secret; it carries no cause, so no stack trace follows it.
 */
public final class KafkaAccessDeniedException extends RuntimeException {
  /** {@code EX_NOPERM} of sysexits.h: distinct from a crash (1) and a usage error (2). */
  public static final int EXIT_CODE = 77;

  private static final Pattern JAAS_USER = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern JAAS_PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");

  private final AccessFailure failure;

  private KafkaAccessDeniedException(AccessFailure failure, String message) {
    super(message, null, false, false);
    this.failure = failure;
  }

  public AccessFailure failure() {
    return failure;
  }

  /**
   * Describes {@code error}, as the client configured by {@code clientProperties} met it.
   *
   * @param failure what {@link AccessFailure#of} found in {@code error}
   */
  public static KafkaAccessDeniedException describe(AccessFailure failure, Throwable error, Properties clientProperties) {
    Map<String, String> client = new TreeMap<>();
    clientProperties.forEach((k, v) -> client.put(String.valueOf(k), String.valueOf(v)));
    String protocol = client.getOrDefault("security.protocol", "PLAINTEXT");
    StringBuilder who = new StringBuilder();
    String jaas = client.get("sasl.jaas.config");
    if (jaas != null) {
      Matcher user = JAAS_USER.matcher(jaas);
      if (user.find()) {
        who.append(" for user '").append(user.group(1)).append('\'');
      }
    }
    if (protocol.startsWith("SASL")) {
      who.append(" with SASL mechanism ").append(client.getOrDefault("sasl.mechanism", "GSSAPI"));
    }
    String message = String.format("Kafka refused access: %s%s over %s at %s (Kafka: %s). Fix: %s. Nightjar stops "
            + "instead of retrying.", failure.summary(), who, protocol, client.getOrDefault("bootstrap.servers", "?"),
        AccessFailure.kafkaMessage(error), failure.hint());
    return new KafkaAccessDeniedException(failure, withoutSecrets(message, client));
  }

  /** Masks every secret value, and the password inside a JAAS configuration, should Kafka ever echo one. */
  private static String withoutSecrets(String message, Map<String, String> client) {
    String clean = message;
    for (Map.Entry<String, String> e : client.entrySet()) {
      if (!KafkaProperties.isSecret(e.getKey())) {
        continue;
      }
      Matcher password = JAAS_PASSWORD.matcher(e.getValue());
      while (password.find()) {
        clean = mask(clean, password.group(1));
      }
      clean = mask(clean, e.getValue());
    }
    return clean;
  }

  private static String mask(String text, String secret) {
    return secret.isEmpty() ? text : text.replace(secret, "******");
  }
}
