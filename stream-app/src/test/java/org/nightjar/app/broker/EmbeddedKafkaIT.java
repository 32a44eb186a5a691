package org.nightjar.app.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The in-JVM broker as its clients see it. */
class EmbeddedKafkaIT {

  @Test
  void shouldServeWithASmallCleanerBufferSinceItSharesTheApplicationsHeap() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      Properties client = new Properties();
      client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      try (Admin admin = Admin.create(client)) {
        Node broker = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).iterator().next();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, broker.idString());
        Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS);

        String buffer = configs.get(resource).get(EmbeddedKafka.CLEANER_BUFFER_CONFIG).value();
        assertEquals(EmbeddedKafka.CLEANER_BUFFER_BYTES, Long.parseLong(buffer));
      }
    }
  }
}
