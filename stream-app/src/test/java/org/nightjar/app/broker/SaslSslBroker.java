package org.nightjar.app.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * The in-JVM broker with a second listener, SASL_SSL with SCRAM-SHA-512 and a self-signed
 * certificate, beside its plaintext one (which the tests use to create topics, produce and read
 * outputs). One SCRAM user is created over the plaintext listener.
 */
public final class SaslSslBroker implements AutoCloseable {
  public static final String MECHANISM = "SCRAM-SHA-512";
  private static final String LISTENER = "SECURE";
  private static final String PREFIX = "listener.name." + LISTENER.toLowerCase(Locale.ROOT) + ".";

  private final EmbeddedKafka kafka;
  private final EmbeddedKafka.ExtraListener listener;
  private final SelfSignedCertificate certificate;

  private SaslSslBroker(EmbeddedKafka kafka, EmbeddedKafka.ExtraListener listener, SelfSignedCertificate certificate) {
    this.kafka = kafka;
    this.listener = listener;
    this.certificate = certificate;
  }

  /**
   * Starts the broker with its certificate in {@code dir} and the SCRAM user {@code user}; returns
   * once that user can connect.
   */
  public static SaslSslBroker start(Path dir, String user, String password) throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.forLocalhost(dir);
    EmbeddedKafka.ExtraListener listener = new EmbeddedKafka.ExtraListener(LISTENER, SecurityProtocol.SASL_SSL, Map.of(
        PREFIX + "sasl.enabled.mechanisms", MECHANISM,
        // The server side of SCRAM needs the login module, but no user of its own.
        PREFIX + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;",
        PREFIX + "ssl.keystore.type", "PKCS12",
        PREFIX + "ssl.keystore.location", certificate.keyStore().toString(),
        PREFIX + "ssl.keystore.password", certificate.keyStorePassword(),
        PREFIX + "ssl.key.password", certificate.keyStorePassword()));
    EmbeddedKafka kafka = EmbeddedKafka.startWithListener(listener);
    SaslSslBroker broker = new SaslSslBroker(kafka, listener, certificate);
    try {
      broker.createUser(user, password);
      broker.awaitLogin(user, password, Duration.ofSeconds(30));
      return broker;
    } catch (Exception e) {
      broker.close();
      throw e;
    }
  }

  /** Bootstrap servers of the SASL_SSL listener. */
  public String bootstrapServers() {
    return kafka.bootstrapServers(listener);
  }

  /** Bootstrap servers of the plaintext listener, for the tests' own clients. */
  public String plaintextBootstrapServers() {
    return kafka.bootstrapServers();
  }

  public SelfSignedCertificate certificate() {
    return certificate;
  }

  /** Kafka client settings that reach the SASL_SSL listener as {@code user}. */
  public Map<String, String> clientSettings(String user, String password) {
    return Map.of(
        "bootstrap.servers", bootstrapServers(),
        "security.protocol", SecurityProtocol.SASL_SSL.name,
        "sasl.mechanism", MECHANISM,
        "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
            + "\" password=\"" + password + "\";",
        "ssl.truststore.type", "PKCS12",
        "ssl.truststore.location", certificate.trustStore().toString(),
        "ssl.truststore.password", certificate.trustStorePassword());
  }

  private void createUser(String user, String password) throws ExecutionException, InterruptedException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrapServers());
    try (Admin admin = Admin.create(p)) {
      admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
    }
  }

  /** The controller has the credential at once; the broker learns it from the metadata log a moment later. */
  private void awaitLogin(String user, String password, Duration timeout) throws Exception {
    Properties p = new Properties();
    p.putAll(clientSettings(user, password));
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        try {
          admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          return;
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof SaslAuthenticationException) || System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(100);
        }
      }
    }
  }

  @Override
  public void close() {
    kafka.close();
  }
}
