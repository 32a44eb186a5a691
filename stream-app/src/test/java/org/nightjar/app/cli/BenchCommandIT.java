package org.nightjar.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.app.broker.EmbeddedKafka;
import org.nightjar.schemas.testing.SampleAlerts;
import org.slf4j.LoggerFactory;

/** A smoke run of {@code bench} through a real in-JVM broker: every phase runs and reports its figures. */
class BenchCommandIT {

  @Test
  void aShortBenchDrainsItsBacklogAndPrintsTheKeysOfItsLastLine(@TempDir Path dir) throws Exception {
    List<Path> ztf = SampleAlerts.ztf().subList(0, 12);
    for (Path p : ztf) {
      Files.copy(p, dir.resolve(p.getFileName()));
    }
    String out = CommandOutput.of(new BenchCommand(), "--alerts", dir.toString(), "--decode-seconds", "1",
        "--warmup-times", "2", "--warmup-seconds", "0", "--stream-times", "3", "--drains", "2", "--settle-drains", "2", "--latency-rates", "20", "--latency-seconds", "2", "--no-cold-start");
    String[] lines = out.strip().split("\\R");
    Map<String, String> figures = new HashMap<>();
    for (String pair : lines[lines.length - 1].split(" ")) {
      String[] kv = pair.split("=", 2);
      figures.put(kv[0], kv[1]);
    }
    assertEquals(String.valueOf(3 * ztf.size()), figures.get("e2e_alerts"), out);
    for (String key : List.of("decode_alerts_per_s", "pipeline_alerts_per_s", "e2e_alerts_per_s",
        "e2e_alerts_per_s_lowest", "e2e_alerts_per_s_highest", "e2e_mean_batch", "decode_alerts_per_s_at_drains", "e2e_while_sending_alerts_per_s", "latency_p50_ms_at_20",
        "latency_p99_ms_at_20")) {
      assertTrue(Double.parseDouble(figures.get(key)) > 0, key + " in " + out);
    }
    assertTrue(out.contains("drain 2 of 2"), out);
    assertEquals("false", figures.get("key_by_alert_id"), "survey brokers send alerts unkeyed, and so does the bench by default");
    // The first untimed drain has none before it to agree with: one or two ran.
    assertTrue(List.of("1", "2").contains(figures.get("settle_drains")), out);
    assertTrue(out.contains("settling, untimed drain 1 of at most 2"), out);
    assertTrue(List.of("true", "false").contains(figures.get("settled")), out);
    assertTrue(Double.parseDouble(figures.get("e2e_alerts_per_s_lowest")) <= Double.parseDouble(figures.get("e2e_alerts_per_s_highest")));
  }

  @Test
  void aBenchOnAClusterLeavesNoLocalStateBehind(@TempDir Path dir, @TempDir Path state) throws Exception {
    for (Path p : SampleAlerts.ztf().subList(0, 4)) {
      Files.copy(p, dir.resolve(p.getFileName()));
    }
    // Attached to the loggers themselves: the in-JVM broker of another test may have made them
    // write to its own file only.
    List<Logger> watched = List.of((Logger) LoggerFactory.getLogger("org.apache.kafka.streams.StreamsConfig"),
        (Logger) LoggerFactory.getLogger("org.apache.kafka.streams.processor.internals.StateDirectory"));
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    watched.forEach(l -> l.addAppender(logged));
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      String out = CommandOutput.of(new BenchCommand(), "--alerts", dir.toString(), "--cluster",
          "-s", "kafka.bootstrap.servers=" + kafka.bootstrapServers(), "-s", "kafka.state.dir=" + state,
          "--decode-seconds", "1", "--warmup-times", "1", "--warmup-seconds", "0", "--stream-times", "2", "--drains", "1",
          "--settle-drains", "1", "--latency-rates", "10", "--latency-seconds", "1", "--no-cold-start");
      assertTrue(out.contains("e2e_alerts_per_s="), out);
    } finally {
      watched.forEach(l -> l.detachAppender(logged));
    }
    List<String> warnings = logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(ILoggingEvent::getFormattedMessage).toList();
    assertEquals(List.of(), warnings.stream().filter(m -> m.contains("delete")).toList(),
        "no warning about a state folder left undeleted");
    assertEquals(List.of(), warnings.stream().filter(m -> m.contains("exception handler")).toList(),
        "no warning that the processing exception handler is off");
    try (Stream<Path> left = Files.list(state)) {
      assertEquals(List.of(), left.toList(), "the run's state folder, named after its application id, is removed");
    }
  }
}
