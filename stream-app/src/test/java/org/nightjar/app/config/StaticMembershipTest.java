package org.nightjar.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaticMembershipTest {

  @Test
  void shouldDeriveAStableIdPerHostAndStateDirectory() {
    Optional<String> a = StaticMembership.instanceId("auto", Map.of("state.dir", "/var/lib/nightjar/a"), () -> "Node-7.example");
    Optional<String> again = StaticMembership.instanceId("auto", Map.of("state.dir", "/var/lib/nightjar/a/"), () -> "Node-7.example");
    Optional<String> b = StaticMembership.instanceId("auto", Map.of("state.dir", "/var/lib/nightjar/b"), () -> "Node-7.example");
    assertEquals(a, again, "the same instance restarting keeps its id");
    assertNotEquals(a, b, "two instances on one host need two state directories, and get two ids");
    assertTrue(a.orElseThrow().matches("node-7\\.example-[0-9a-f]{12}"), a.get());
  }

  @Test
  void shouldTakeAnExplicitIdOrNone() {
    assertEquals(Optional.of("nightjar-0"), StaticMembership.instanceId("nightjar-0", Map.of(), () -> "h"));
    assertEquals(Optional.empty(), StaticMembership.instanceId("none", Map.of(), () -> "h"));
  }

  @Test
  void shouldPassTheIdToTheMainConsumerUnlessTheKafkaSettingsGiveOne() {
    AppConfig config = new ConfigLoader(Map.of()).load(Optional.empty(), Map.of("instance.id", "pod-3"));
    assertEquals("pod-3", KafkaProperties.streams(config).get("main.consumer.group.instance.id"));
    AppConfig explicit = new ConfigLoader(Map.of()).load(Optional.empty(),
        Map.of("instance.id", "pod-3", "kafka.main.consumer.group.instance.id", "mine"));
    assertEquals("mine", KafkaProperties.streams(explicit).get("main.consumer.group.instance.id"));
    AppConfig dynamic = new ConfigLoader(Map.of()).load(Optional.empty(), Map.of("instance.id", "none"));
    assertEquals(null, KafkaProperties.streams(dynamic).get("main.consumer.group.instance.id"));
  }
}
