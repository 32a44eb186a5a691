package org.nightjar.app.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A fresh self-signed certificate for {@code localhost} in a PKCS12 key store, made by the JDK's
 * own {@code keytool}, and a trust store that holds only that certificate. Both live in a test's
 * folder under random passwords: nothing secret is checked in.
 */
public record SelfSignedCertificate(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {
  private static final String ALIAS = "broker";

  /** Makes both stores in {@code dir}. */
  public static SelfSignedCertificate forLocalhost(Path dir) throws IOException, InterruptedException,
      GeneralSecurityException {
    Path keyStore = dir.resolve("broker-keystore.p12");
    Path trustStore = dir.resolve("client-truststore.p12");
    String keyStorePassword = "ks-" + UUID.randomUUID();
    String trustStorePassword = "ts-" + UUID.randomUUID();
    generateKeyPair(keyStore, keyStorePassword);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      keys.load(in, keyStorePassword.toCharArray());
    }
    Certificate certificate = keys.getCertificate(ALIAS);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(ALIAS, certificate);
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trust.store(out, trustStorePassword.toCharArray());
    }
    return new SelfSignedCertificate(keyStore, keyStorePassword, trustStore, trustStorePassword);
  }

  /** An EC key (quick to make) whose certificate names localhost, as clients verify host names. */
  private static void generateKeyPair(Path keyStore, String password) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    // The password goes through the environment, not the command line.
    ProcessBuilder pb = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass:env", "STORE_PASSWORD", "-keypass:env", "STORE_PASSWORD"))
        .redirectErrorStream(true);
    pb.environment().put("STORE_PASSWORD", password);
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
  }
}
