package org.nightjar.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The consumer group instance id of a Nightjar instance (Kafka's static membership). Without one,
 * a crashed instance stays in the group until its session times out, and a restarted instance
 * waits for that before it gets any partition (48 to 69 s with Kafka Streams' defaults); with the
 * same id, the restarted instance takes the crashed one's place at once and, with the state
 * directory it left, its stores and its transactional ids, so exactly-once holds and the crashed
 * instance's open transactions are aborted when it comes back.
 *
 * <p>{@code instance.id=auto} derives an id that is unique per instance and stable across its
 * restarts: the host's name and a hash of the absolute state directory (two instances on one host
 * need two state directories anyway).
 */
public final class StaticMembership {

  public static final String AUTO = "auto";
  public static final String NONE = "none";
  /** Kafka Streams' state directory when none is configured. */
  private static final String DEFAULT_STATE_DIR = Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams").toString();

  private StaticMembership() {}

  /** The group instance id for this configuration, or empty for dynamic membership. */
  public static Optional<String> instanceId(AppConfig config) {
    return instanceId(config.instanceId(), config.kafka(), StaticMembership::hostName);
  }

  static Optional<String> instanceId(String setting, Map<String, String> kafka, Supplier<String> host) {
    if (setting.equals(NONE)) {
      return Optional.empty();
    }
    if (!setting.equals(AUTO)) {
      return Optional.of(setting);
    }
    String stateDir = stateDirectory(kafka).toString();
    String hostPart = host.get().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    hostPart = hostPart.substring(0, Math.min(hostPart.length(), 100));
    return Optional.of(hostPart + "-" + sha256(stateDir).substring(0, 12));
  }

  /** Kafka Streams' state directory under these client settings, absolute. */
  public static Path stateDirectory(Map<String, String> kafka) {
    return Path.of(kafka.getOrDefault("state.dir", DEFAULT_STATE_DIR)).toAbsolutePath().normalize();
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
