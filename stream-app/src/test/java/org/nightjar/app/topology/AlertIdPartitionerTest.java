package org.nightjar.app.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class AlertIdPartitionerTest {

  @Test
  void nothingIsHomeUntilTheHopHasToldThePartitionCount() {
    AlertIdPartitioner partitioner = new AlertIdPartitioner();
    for (long id = 0; id < 50; id++) {
      byte[] key = AlertIdPartitioner.keyOf(id);
      for (int p = 0; p < 4; p++) {
        assertFalse(partitioner.isHome(key, p), "an unknown count sends every alert through the hop");
      }
    }
  }

  @Test
  void anAlertIsHomeExactlyOnThePartitionTheHopWouldSendItTo() {
    AlertIdPartitioner partitioner = new AlertIdPartitioner();
    int partitions = 6;
    int[] perPartition = new int[partitions];
    for (long id = 1_000_000_000L; id < 1_000_000_600L; id++) {
      byte[] key = AlertIdPartitioner.keyOf(id);
      Optional<Set<Integer>> target = partitioner.partitions("app-by-alert-id-repartition", key, null, partitions);
      int home = target.orElseThrow().iterator().next();
      assertEquals(Set.of(home), target.get(), "one partition per alert");
      perPartition[home]++;
      for (int p = 0; p < partitions; p++) {
        assertEquals(p == home, partitioner.isHome(key, p), "alert " + id + " on partition " + p);
      }
    }
    for (int n : perPartition) {
      // 600 ids over 6 partitions: each gets some, none gets most (the hash spreads them).
      assertFalse(n < 50 || n > 150, java.util.Arrays.toString(perPartition));
    }
  }

  @Test
  void inputKeyedByAlertIdWithKafkasDefaultPartitionerIsAlreadyHome() {
    // A producer that keys each alert by its 8-byte alert id and lets Kafka pick the partition
    // puts it where the hop would: such input never takes the hop.
    AlertIdPartitioner partitioner = new AlertIdPartitioner();
    for (int partitions : new int[] {1, 3, 4, 12}) {
      partitioner.partitions("t", AlertIdPartitioner.keyOf(0), null, partitions);
      for (long id = 0; id < 200; id++) {
        byte[] key = AlertIdPartitioner.keyOf(id * 7919);
        int producerChoice = BuiltInPartitioner.partitionForKey(key, partitions);
        assertEquals(true, partitioner.isHome(key, producerChoice), "alert " + id + " of " + partitions + " partitions");
      }
    }
  }
}
