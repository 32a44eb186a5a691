package org.nightjar.app.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates and removes the topics of a local run (demo, bench) on whichever cluster it uses. */
public final class TopicAdmin {
  /** Alert packets with three stamps reach a few hundred KB; leave room well above that. */
  static final String MAX_MESSAGE_BYTES = Integer.toString(16 * 1024 * 1024);

  private static final Duration LEADER_WAIT = Duration.ofSeconds(30);

  private TopicAdmin() {}

  /**
   * Creates those of {@code names} that do not exist yet.
   *
   * @param replication the replication factor, or empty for the cluster's default
   */
  public static void createMissing(Properties client, Collection<String> names, int partitions, Optional<Short> replication) {
    try (Admin admin = Admin.create(client)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> fresh = names.stream().distinct().filter(n -> !existing.contains(n))
          .map(n -> new NewTopic(n, Optional.of(partitions), replication).configs(Map.of("max.message.bytes", MAX_MESSAGE_BYTES)))
          .toList();
      if (!fresh.isEmpty()) {
        admin.createTopics(fresh).all().get();
        awaitLeaders(admin, fresh.stream().map(NewTopic::name).toList());
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topics " + names + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /**
   * Waits until every partition of {@code names} has a leader that serves it: a topic is created
   * before its partitions are led, and a producer that sends in between gets NOT_LEADER_OR_FOLLOWER
   * warnings while it retries. The metadata names a leader a moment before that broker has opened
   * the partition's log, so the wait ends only when the leader answers for the log's end offset.
   */
  static void awaitLeaders(Admin admin, Collection<String> names) throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Map<String, TopicDescription>> topics = described(admin, names);
      if (topics.isPresent()
          && topics.get().values().stream().flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null)
          && logsServed(admin, topics.get())) {
        return;
      }
      Thread.sleep(50);
    }
    // Not fatal: clients retry until the leaders are there.
  }

  /**
   * The topics' descriptions, or empty while the broker that answers does not know them yet: the
   * controller confirms a new topic a moment before every broker's metadata has it, and a
   * description asked for in between fails with UNKNOWN_TOPIC_OR_PARTITION.
   */
  private static Optional<Map<String, TopicDescription>> described(Admin admin, Collection<String> names)
      throws InterruptedException, ExecutionException {
    try {
      return Optional.of(admin.describeTopics(names).allTopicNames().get());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RetriableException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean logsServed(Admin admin, Map<String, TopicDescription> topics) throws InterruptedException {
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    topics.values().forEach(t -> t.partitions().forEach(p -> ends.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
    try {
      admin.listOffsets(ends).all().get();
      return true;
    } catch (ExecutionException e) {
      // NOT_LEADER_OR_FOLLOWER and the like: not yet. Anything else (say, no permission to
      // describe the topic) will not change by waiting.
      return !(e.getCause() instanceof RetriableException);
    }
  }

  /** Deletes every topic whose name starts with {@code prefix}; a failure is reported, not thrown (this is clean-up). */
  public static void deleteWithPrefix(Properties client, String prefix) {
    try (Admin admin = Admin.create(client)) {
      List<String> names = admin.listTopics().names().get().stream().filter(n -> n.startsWith(prefix)).toList();
      admin.deleteTopics(names).all().get();
    } catch (ExecutionException e) {
      System.err.println("could not delete the topics " + prefix + "*: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
