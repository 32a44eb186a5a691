package org.nightjar.app.config;

import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The one place that turns an {@link AppConfig} into Kafka client properties. */
public final class KafkaProperties {
  private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|jaas|token|key)(\\..*)?$");

  /** Producer batch size for streams of alert packets (see {@link #streams}). */
  public static final int PRODUCER_BATCH_BYTES = 1024 * 1024;

  private KafkaProperties() {}

  /** Kafka Streams properties: the passthrough {@code kafka.*} settings plus ours. */
  public static Properties streams(AppConfig config) {
    Properties p = new Properties();
    p.putAll(config.kafka());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numStreamThreads());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs());
    // Kafka Streams gives each stream thread's consumer this id with the thread's index appended.
    StaticMembership.instanceId(config).ifPresent(id ->
        p.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
    // A stream thread learns of a rebalance that another member started at its next heartbeat.
    // At the default 3 s, a first start with two threads (whose internal topics appear during the
    // first rebalance, which forces a second) waited about 2 s for it; 500 ms costs nothing.
    p.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 500);
    // An idle stream thread wakes from its poll this often to run punctuators: the micro-batch
    // closes on a drained input at most this late (Kafka Streams' default is 100 ms).
    p.putIfAbsent(StreamsConfig.POLL_MS_CONFIG, 5);
    // Alerts are 50-150 KB each: let a producer batch hold several. At the default 16 KB batch,
    // every packet went alone in its own batch, and a request carried one per partition: the
    // broker's per-request work and the wait for acknowledgements at each commit were paid per
    // alert (end to end, 1 MB batches drained a backlog about 20% faster).
    p.putIfAbsent(StreamsConfig.producerPrefix("max.request.size"), 8 * 1024 * 1024);
    p.putIfAbsent(StreamsConfig.producerPrefix("batch.size"), PRODUCER_BATCH_BYTES);
    p.putIfAbsent(StreamsConfig.producerPrefix("buffer.memory"), 64L * 1024 * 1024);
    p.putIfAbsent(StreamsConfig.producerPrefix("linger.ms"), 5);
    // Under transactions v2 a thread's producer may send to a partition while the broker still
    // closes its previous transaction; the broker answers CONCURRENT_TRANSACTIONS and the producer
    // retries. Since Kafka 3.7 the retry backoff doubles up to 1 s, so a burst of such retries
    // held a thread's output for 0.4 s (gaps of 100-300 ms); capped at 100 ms from 20 ms, the same
    // kind of burst took 85 ms. A broker that is away is still retried until delivery.timeout.ms.
    p.putIfAbsent(StreamsConfig.producerPrefix("retry.backoff.ms"), 20);
    p.putIfAbsent(StreamsConfig.producerPrefix("retry.backoff.max.ms"), 100);
    // Streams buffers this many fetched records per partition; at 50-150 KB a packet, the default
    // 1000 held hundreds of MB of heap for no gain in throughput.
    p.putIfAbsent(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 256);
    // Room for a full micro-batch of packets in the record cache (see AlertTopology).
    p.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
    // Bad records are dead-lettered inside the topology; this only opts in to Kafka 5's default.
    p.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
    // Each stream thread's partition assignor reads a StreamsConfig back from its consumer's
    // settings, which keep only consumer keys and the main consumer's prefixed ones; without this
    // copy it warned at every start that the setting above was off.
    p.putIfAbsent(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), "true");
    return p;
  }

  /** Plain client properties (admin, producer, consumer) from the passthrough settings. */
  public static Properties clients(AppConfig config) {
    Properties p = new Properties();
    p.putAll(config.kafka());
    return p;
  }

  /** The passthrough settings with secret-looking values masked, for the startup log. */
  public static Map<String, String> masked(Map<String, String> kafka) {
    java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
    kafka.forEach((k, v) -> m.put(k, isSecret(k) ? "******" : v));
    return m;
  }

  /** Whether a client setting holds a secret (a password, a JAAS configuration, a key, a token). */
  public static boolean isSecret(String key) {
    return SECRET.matcher(key).matches();
  }
}
