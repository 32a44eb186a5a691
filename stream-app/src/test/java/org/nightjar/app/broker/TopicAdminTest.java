package org.nightjar.app.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class TopicAdminTest {
  private static final String TOPIC = "t";
  private static final Node BROKER = new Node(1, "localhost", 9092);

  @Test
  void aTopicTheAnsweringBrokerDoesNotKnowYetIsWaitedFor() throws Exception {
    ScriptedAdmin admin = new ScriptedAdmin(
        () -> failed(new UnknownTopicOrPartitionException("This server does not host this topic-partition.")),
        () -> described(null),
        () -> described(BROKER));
    TopicAdmin.awaitLeaders(admin.proxy(), List.of(TOPIC));
    assertEquals(3, admin.describeCalls);
    assertEquals(1, admin.listOffsetsCalls);
  }

  @Test
  void aRefusalIsNotWaitedOut() {
    ScriptedAdmin admin = new ScriptedAdmin(() -> failed(new TopicAuthorizationException("no describe on " + TOPIC)));
    ExecutionException e = assertThrows(ExecutionException.class, () -> TopicAdmin.awaitLeaders(admin.proxy(), List.of(TOPIC)));
    assertInstanceOf(TopicAuthorizationException.class, e.getCause());
    assertEquals(1, admin.describeCalls);
  }

  private static KafkaFuture<TopicDescription> described(Node leader) {
    List<Node> replicas = leader == null ? List.of() : List.of(leader);
    return KafkaFuture.completedFuture(new TopicDescription(TOPIC, false,
        List.of(new TopicPartitionInfo(0, leader, replicas, replicas))));
  }

  private static KafkaFuture<TopicDescription> failed(Exception cause) {
    KafkaFutureImpl<TopicDescription> f = new KafkaFutureImpl<>();
    f.completeExceptionally(cause);
    return f;
  }

  /** An Admin that answers describeTopics from a script and every listOffsets with offset 0. */
  private static final class ScriptedAdmin {
    private final Deque<Supplier<KafkaFuture<TopicDescription>>> answers;
    int describeCalls;
    int listOffsetsCalls;

    @SafeVarargs
    ScriptedAdmin(Supplier<KafkaFuture<TopicDescription>>... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    Admin proxy() {
      return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class}, (p, method, args) -> {
        switch (method.getName()) {
          case "describeTopics" -> {
            describeCalls++;
            KafkaFuture<TopicDescription> answer = answers.size() > 1 ? answers.poll().get() : answers.peek().get();
            return new DescribeTopicsResult(null, Map.of(TOPIC, answer)) {};
          }
          case "listOffsets" -> {
            listOffsetsCalls++;
            @SuppressWarnings("unchecked")
            Collection<TopicPartition> partitions = ((Map<TopicPartition, ?>) args[0]).keySet();
            Map<TopicPartition, KafkaFuture<ListOffsetsResultInfo>> ends = new java.util.HashMap<>();
            partitions.forEach(tp -> ends.put(tp, KafkaFuture.completedFuture(new ListOffsetsResultInfo(0, -1, java.util.Optional.empty()))));
            return new ListOffsetsResult(ends);
          }
          default -> throw new UnsupportedOperationException(method.getName());
        }
      });
    }
  }
}
