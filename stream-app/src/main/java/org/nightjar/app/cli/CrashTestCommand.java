package org.nightjar.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.nightjar.app.broker.EmbeddedKafka;
import org.nightjar.app.broker.InJvmKafkaLog;
import org.nightjar.app.broker.TemporaryFolders;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.app.replay.FreshAlertIds;
import org.nightjar.app.replay.OutputTally;
import org.nightjar.schemas.AlertFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Crashes Nightjar on purpose while it scores: {@code run} in a process of its own against an
 * in-JVM broker, killed with SIGKILL at random moments and started again at once, while real ZTF
 * packets, given fresh alert ids so that every one is distinct, stream in at a steady rate. Then
 * counts what came out.
 */
@Command(name = "crash-test", mixinStandardHelpOptions = true,
    description = {"Kill 'nightjar run' (its own process, SIGKILL) at random moments while distinct real ZTF alerts",
        "stream in through an in-JVM broker, restart it at once each time, then count: lost, duplicated, the worst",
        "restart-to-RUNNING time and the latency percentiles. Exits 1 when an alert was lost or duplicated."})
public final class CrashTestCommand implements Callable<Integer> {
  @Option(names = "--alerts", paramLabel = "DIR", description = "ZTF packets to replay (default: the bundled ZTF sample).")
  Path alerts;

  @Option(names = "--count", defaultValue = "20000", description = "Distinct alerts to send (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--kills", defaultValue = "10", description = "SIGKILLs during the run (default: ${DEFAULT-VALUE}).")
  int kills;

  @Option(names = "--rate", defaultValue = "200", description = "Alerts per second sent (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--seed", defaultValue = "11", description = "Seed of the kill moments (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Fresh alert ids start here, far above any real ZTF candid. */
  private static final long FIRST_ID = 8_000_000_000_000_000_000L;
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @Override
  public Integer call() throws Exception {
    Path folder = alerts != null ? alerts : SampleAlerts.resolve(null, spec.commandLine()).resolve("ztf");
    List<FreshAlertIds> packets = new ArrayList<>();
    for (Path p : AlertFiles.expand(List.of(folder))) {
      try {
        packets.add(FreshAlertIds.of(Files.readAllBytes(p)));
      } catch (IOException notZtf) {
        // Only ZTF containers can be given fresh ids.
      }
    }
    if (packets.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no ZTF packets in " + folder);
    }
    Path work = Files.createTempDirectory("nightjar-crash-test-");
    InJvmKafkaLog.divert(work.resolve("kafka.log"));
    System.err.printf("%d distinct alerts from %d ZTF packets at %.0f/s, %d kills; logs in %s (removed if it passes)%n",
        count, packets.size(), rate, kills, work);
    boolean passed = false;
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      String input = "crash-test.alerts";
      String prefix = "crash-test";
      kafka.createTopics(List.of(input, prefix + ".scored", prefix + ".dlq", prefix + ".anomaly", prefix + ".artifact",
          prefix + ".star", prefix + ".galaxy"), 3);
      Properties clients = new Properties();
      clients.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      RunProcess nightjar = new RunProcess(Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "input.topics", input,
          "output.prefix", prefix, "application.id", "nightjar-crash-test", "kafka.state.dir", work.resolve("state").toString(),
          "metrics.port", "0"), "1g", work);
      try (OutputTally tally = new OutputTally(clients, prefix + ".scored", prefix + ".dlq")) {
        List<Long> restarts = new ArrayList<>();
        nightjar.start();
        // The tally reads the output only while it is polled: it polls whenever this thread waits.
        Runnable poll = () -> tally.drain(Duration.ofMillis(50));
        System.err.printf("first start: RUNNING after %d ms%n", nightjar.awaitRunning(TIMEOUT, poll).toMillis());
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        Thread sender = new Thread(() -> send(clients, input, packets, sent, sendFailure), "crash-test-sender");
        long started = System.nanoTime();
        sender.start();
        Random moments = new Random(seed);
        double sendingSeconds = count / rate;
        for (int k = 0; k < kills; k++) {
          double slot = sendingSeconds / kills;
          long due = started + (long) ((slot * k + slot * moments.nextDouble()) * 1e9);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            tally.drain(Duration.ofNanos(wait));
          }
          long out = tally.scored() + tally.deadLettered();
          nightjar.kill();
          nightjar.start();
          Duration toRunning = nightjar.awaitRunning(TIMEOUT, poll);
          restarts.add(toRunning.toMillis());
          System.err.printf("kill %d at %d sent, %d out: restarted, RUNNING after %d ms%n", k + 1, sent.get(), out,
              toRunning.toMillis());
        }
        while (sender.isAlive()) {
          poll.run();
        }
        if (sendFailure.get() != null) {
          throw sendFailure.get();
        }
        boolean complete = tally.awaitTotal(() -> count, TIMEOUT);
        tally.drain(Duration.ofSeconds(5));
        nightjar.stop();
        long distinct = tally.alertIds().size();
        long lost = count - distinct;
        long duplicated = tally.repeatedIds();
        long worst = restarts.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf("sent %d distinct alerts, %d kills: scored %d (%d distinct), lost %d, duplicated %d, dead-lettered %d%s%n",
            count, kills, tally.scored(), distinct, lost, duplicated, tally.deadLettered(), complete ? "" : " (timed out)");
        System.out.printf("restart to RUNNING (JVM start and bundle load included): worst %d ms, all %s%n", worst, restarts);
        System.out.printf("latency from the input's broker timestamp to the scored record: p50 %d ms, p99 %d ms, max %d ms%n",
            tally.latencyPercentileMs(50), tally.latencyPercentileMs(99), tally.latencyPercentileMs(100));
        System.out.printf("crash_test_sent=%d kills=%d lost=%d duplicated=%d worst_restart_ms=%d latency_p99_ms=%d%n", count,
            kills, lost, duplicated, worst, tally.latencyPercentileMs(99));
        passed = lost == 0 && duplicated == 0;
        return passed ? 0 : 1;
      } finally {
        nightjar.stop();
      }
    } finally {
      if (passed) {
        TemporaryFolders.deleteRecursively(work); // logs and state; kept after a failure, for the logs
      }
    }
  }

  private void send(Properties clients, String topic, List<FreshAlertIds> packets, AtomicInteger sent,
      AtomicReference<Exception> failure) {
    long interval = (long) (1e9 / rate);
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = AlertReplayer.producer(clients)) {
      for (int i = 0; i < count; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        producer.send(new ProducerRecord<>(topic, packets.get(i % packets.size()).withAlertId(FIRST_ID + i)));
        sent.incrementAndGet();
      }
      producer.flush();
    } catch (Exception e) {
      failure.set(e);
    }
  }
}
