package org.nightjar.app.topology;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where an alert id lives under {@code dedupe.scope=alert-id}: the partition of the repartition
 * topic its 8-byte key hashes to, and so the task that deduplicates it. The stream is one
 * sub-topology, so the task that reads input partition {@code p} also reads partition {@code p}
 * of the repartition topic: an alert that arrived on its id's own partition is already where its
 * copies will meet, and skips the hop (a write and a read of the whole packet through the broker,
 * and one more commit before it comes out). The rest take the hop as before.
 *
 * <p>The hash is Kafka's default for keyed records (murmur2 of the key bytes, modulo the partition
 * count), so input keyed by the 8-byte big-endian alert id and partitioned by Kafka's default
 * partitioner never takes the hop. The partition count is the one Kafka Streams hands this
 * partitioner for the repartition topic: until the first alert has taken the hop, the count is not
 * known and every alert takes it, which is always correct.
 *
 * <p>Thread-safe: one instance serves every stream thread of a topology.
 */
public final class AlertIdPartitioner implements StreamPartitioner<byte[], Outcome> {
  private volatile int partitionCount;

  /** The key of an alert on the repartition topic: its alert id, 8 bytes big-endian. */
  public static byte[] keyOf(long alertId) {
    return ByteBuffer.allocate(Long.BYTES).putLong(alertId).array();
  }

  /** Partition of the repartition topic that {@code alertIdKey} belongs to, among {@code partitions}. */
  static int partitionOf(byte[] alertIdKey, int partitions) {
    return Utils.toPositive(Utils.murmur2(alertIdKey)) % partitions;
  }

  @Override
  public Optional<Set<Integer>> partitions(String topic, byte[] key, Outcome value, int numPartitions) {
    partitionCount = numPartitions;
    return Optional.of(Set.of(partitionOf(key, numPartitions)));
  }

  /**
   * Whether an alert keyed {@code alertIdKey} that arrived on input partition {@code partition}
   * is already in the task that deduplicates its id. False while the partition count is unknown.
   */
  boolean isHome(byte[] alertIdKey, int partition) {
    int n = partitionCount;
    return n > 0 && partitionOf(alertIdKey, n) == partition;
  }
}
