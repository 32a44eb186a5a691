package org.nightjar.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * {@code nightjar run} in a JVM of its own, on this JVM's class path, so that it can be killed like
 * a crashed pod and started again; each start writes its own log file. Used by {@code crash-test}
 * and by the kill and broker-restart tests.
 */
public final class RunProcess {
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path logs;
  private Process process;
  private Path log;
  private int starts;

  /**
   * @param settings configuration keys passed as {@code -s key=value}
   * @param maxHeap the child's {@code -Xmx}, e.g. {@code 1g}
   * @param logs folder of the per-start log files
   */
  public RunProcess(Map<String, String> settings, String maxHeap, Path logs) {
    this(settings, Map.of(), maxHeap, logs);
  }

  /**
   * As above, with environment variables for the child, e.g. {@code NIGHTJAR_KAFKA_SASL_JAAS_CONFIG}:
   * secrets belong there rather than on a command line that {@code ps} shows.
   */
  public RunProcess(Map<String, String> settings, Map<String, String> environment, String maxHeap, Path logs) {
    this.logs = logs;
    this.environment = Map.copyOf(environment);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:+UseParallelGC",
        "-Dorg.bytedeco.javacpp.maxbytes=2G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0", "-cp",
        System.getProperty("java.class.path"), "org.nightjar.app.Main", "run"));
    settings.forEach((k, v) -> cmd.addAll(List.of("-s", k + "=" + v)));
    this.command = List.copyOf(cmd);
  }

  /** Starts a new process, logging to {@code run-<n>.log}. */
  public void start() throws IOException {
    log = logs.resolve("run-" + starts++ + ".log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.environment().putAll(environment);
    process = pb.start();
  }

  /** The log of the latest start. */
  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /**
   * Time until the latest start reports Kafka Streams RUNNING.
   *
   * @param whileWaiting run between looks at the log
   */
  public Duration awaitRunning(Duration timeout, Runnable whileWaiting) throws IOException {
    long begin = System.nanoTime();
    while (System.nanoTime() - begin < timeout.toNanos()) {
      if (Files.exists(log) && Files.readString(log).contains("-> RUNNING")) {
        return Duration.ofNanos(System.nanoTime() - begin);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("nightjar run exited with " + process.exitValue() + "; see " + log);
      }
      whileWaiting.run();
    }
    throw new IllegalStateException("nightjar run did not reach RUNNING; see " + log);
  }

  /** The exit code of the latest start, once it exits by itself within {@code timeout}. */
  public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  /** SIGKILL, as a crash. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, a clean stop. */
  public void stop() throws InterruptedException {
    if (isAlive()) {
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
    }
  }
}
