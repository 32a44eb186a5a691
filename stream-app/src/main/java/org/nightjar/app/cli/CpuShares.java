package org.nightjar.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads between two snapshots, split between Nightjar's own work (its
 * stream threads with their Kafka clients, the autoencoder workers, the stamp-inspection pool)
 * and everything else in the process (the in-JVM broker, the replaying producer, the output
 * tally). With the broker in the same process and on the same cores, that split is what tells
 * how fast Nightjar would run beside a broker of its own.
 */
final class CpuShares {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final String applicationId;
  private final Map<Long, Long> nightjarStart = new HashMap<>();
  private final Map<Long, Long> otherStart = new HashMap<>();
  private long processStart;

  CpuShares(String applicationId) {
    this.applicationId = applicationId;
  }

  boolean supported() {
    return threads.isThreadCpuTimeSupported() && os.getProcessCpuTime() >= 0;
  }

  void start() {
    threads.setThreadCpuTimeEnabled(true);
    nightjarStart.clear();
    otherStart.clear();
    read(nightjarStart, otherStart);
    processStart = os.getProcessCpuTime();
  }

  /** CPU seconds since {@link #start()}: Nightjar's threads, other Java threads, the whole process. */
  Split stop() {
    Map<Long, Long> nightjarNow = new HashMap<>();
    Map<Long, Long> otherNow = new HashMap<>();
    read(nightjarNow, otherNow);
    double process = (os.getProcessCpuTime() - processStart) / 1e9;
    return new Split(delta(nightjarNow, nightjarStart), delta(otherNow, otherStart), process);
  }

  private void read(Map<Long, Long> nightjar, Map<Long, Long> other) {
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        (isNightjar(info.getThreadName()) ? nightjar : other).put(info.getThreadId(), cpu);
      }
    }
  }

  private boolean isNightjar(String name) {
    // Stream threads and their clients' network threads all carry "<application.id>-<uuid>-StreamThread-n".
    return name.contains(applicationId + "-") && name.contains("StreamThread")
        || name.startsWith("autoencoder-worker")
        || name.startsWith("ForkJoinPool.commonPool");
  }

  private static double delta(Map<Long, Long> now, Map<Long, Long> before) {
    long sum = 0;
    for (Map.Entry<Long, Long> e : now.entrySet()) {
      sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return sum / 1e9;
  }

  /**
   * CPU seconds; {@code process} also holds the JIT compilers, the garbage collector and threads
   * that ended before {@link #stop()} (their time cannot be read per thread any more).
   */
  record Split(double nightjar, double otherThreads, double process) {
    double runtime() {
      return Math.max(0, process - nightjar - otherThreads);
    }
  }
}
