package org.nightjar.models.xd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * EM speed benchmark on reference data set B (N = 100,000, D = 10, K = 32, full noise
 * covariances): seconds per update on 1 and 2 threads, peak heap, and the log-likelihood after the
 * updates, printed beside the figures of Bovy's C library (OpenMP, GSL) stored with the data.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 *   mvn -B -o -q -pl models -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 *   java -cp models/target/classes:$(cat models/target/classpath.txt) \
 *       org.nightjar.models.xd.XdBenchmark FOLDER [UPDATES] [THREADS,...] [FLOOR]
 * </pre>
 *
 * FOLDER holds {@code xdB_x.f64.gz}, {@code xdB_S.f64.gz}, {@code xdB_init.json} and
 * {@code xdB_results.json}. UPDATES defaults to 20 and THREADS to {@code 1,2}: each thread count
 * runs the exact update. FLOOR (default 1e-15; 0 leaves the run out) adds one more run on the
 * largest thread count with that {@link XdFitOptions#responsibilityFloor()}.
 *
 * <p>Seconds per update are wall time over updates 2..UPDATES (the first one warms up the JIT).
 * Process CPU seconds per update are printed beside them because on a shared machine wall time
 * includes waiting for other processes. The last line is a list of {@code key=value} pairs. Not a
 * test: it measures and prints, and asserts nothing.
 */
public final class XdBenchmark {

  private static final int N = 100_000;
  private static final double C_SECONDS_1 = 20.5;
  private static final double C_SECONDS_2 = 11.2;
  private static final double C_PEAK_RSS_MIB = 291;

  private XdBenchmark() {}

  /** One measured configuration. */
  private record Run(String label, int threads, double floor) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: XdBenchmark FOLDER [UPDATES] [THREADS,...] [FLOOR]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int updates = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    if (updates < 2) {
      throw new IllegalArgumentException("need at least 2 updates (the first is not timed), got " + updates);
    }
    List<Run> runs = new ArrayList<>();
    int maxThreads = 1;
    for (String ts : (args.length > 2 ? args[2] : "1,2").split(",")) {
      int t = Integer.parseInt(ts.trim());
      runs.add(new Run(t + "t", t, 0.0));
      maxThreads = Math.max(maxThreads, t);
    }
    double floor = args.length > 3 ? Double.parseDouble(args[3]) : 1e-15;
    if (floor > 0.0) {
      runs.add(new Run(maxThreads + "t_floor", maxThreads, floor));
    }

    ObjectMapper json = new ObjectMapper();
    GaussianMixture init = mixture(json.readTree(Files.readAllBytes(dir.resolve("xdB_init.json"))));
    JsonNode results = json.readTree(Files.readAllBytes(dir.resolve("xdB_results.json")));
    int d = init.dimension();
    long t0 = System.nanoTime();
    NoisyData data = NoisyData.wrap(d,
        Float64Files.read(dir.resolve("xdB_x.f64.gz"), N * d),
        Float64Files.read(dir.resolve("xdB_S.f64.gz"), N * d * d));
    System.out.printf(Locale.ROOT, "data set B: N=%d D=%d K=%d, loaded in %.1f s; %d updates, w=0; %d processors%n",
        N, d, init.components(), (System.nanoTime() - t0) / 1e9, updates, Runtime.getRuntime().availableProcessors());

    double refL = results.get("L20_bovyC_1thread").asDouble();
    List<String> keys = new ArrayList<>();
    for (Run run : runs) {
      XdFitOptions opts = XdFitOptions.builder().optThreads(run.threads()).optResponsibilityFloor(run.floor()).build();
      double l0;
      double lAfter;
      double wallPerUpdate;
      double cpuPerUpdate;
      double likeOnly;
      double wallAll;
      try (XdEm em = new XdEm(data, init, opts)) {
        long first = System.nanoTime();
        l0 = em.update();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        for (int u = 1; u < updates; u++) {
          em.update();
        }
        long end = System.nanoTime();
        wallPerUpdate = (end - start) / 1e9 / (updates - 1);
        wallAll = (end - first) / 1e9 / updates;
        cpuPerUpdate = (processCpuNanos() - cpuStart) / 1e9 / (updates - 1);
        long ls = System.nanoTime();
        lAfter = em.logLikelihood();
        likeOnly = (System.nanoTime() - ls) / 1e9;
      }
      double cSec = run.threads() == 1 ? C_SECONDS_1 : C_SECONDS_2;
      double relDiff = updates == 20 ? Math.abs(lAfter - refL) / Math.abs(refL) : Double.NaN;
      System.out.printf(Locale.ROOT,
          "%-9s threads=%d floor=%s: %.3f s/update wall (%.3f CPU s; %.3f s with the first update) vs Bovy C"
              + " %.1f s on %d thread(s) -> %.1fx; likelihood-only pass %.3f s; L_0=%.12f L_%d=%.12f (Bovy C L_20=%.12f, rel diff %.1e)%n",
          run.label(), run.threads(), run.floor(), wallPerUpdate, cpuPerUpdate, wallAll, cSec, Math.min(run.threads(), 2),
          cSec / wallPerUpdate, likeOnly, l0, updates, lAfter, refL, relDiff);
      String l = run.label();
      keys.add(String.format(Locale.ROOT, "s_per_update_%s=%.4f s_per_update_incl_first_%s=%.4f cpu_s_per_update_%s=%.4f"
          + " speedup_%s=%.2f L%d_%s=%.13f rel_diff_%s=%.2e", l, wallPerUpdate, l, wallAll, l, cpuPerUpdate, l,
          cSec / wallPerUpdate, updates, l, lAfter, l, relDiff));
    }
    double heapMiB = peakHeapBytes() / 1048576.0;
    Optional<Double> rss = peakRssMiB();
    System.out.printf(Locale.ROOT, "peak heap %.0f MiB (sum of heap pool peaks), peak RSS %s; Bovy C peak RSS %.0f MiB%n",
        heapMiB, rss.map(r -> String.format(Locale.ROOT, "%.0f MiB", r)).orElse("unknown"), C_PEAK_RSS_MIB);
    keys.add(String.format(Locale.ROOT, "peak_heap_mib=%.0f", heapMiB));
    rss.ifPresent(r -> keys.add(String.format(Locale.ROOT, "peak_rss_mib=%.0f", r)));
    keys.add(String.format(Locale.ROOT, "ref_L20=%.13f ref_s_per_update_1t=%.1f ref_s_per_update_2t=%.1f",
        refL, C_SECONDS_1, C_SECONDS_2));
    System.out.println(String.join(" ", keys));
  }

  private static GaussianMixture mixture(JsonNode node) {
    int k = node.get("alpha").size();
    int d = node.get("mean").get(0).size();
    double[] alpha = new double[k];
    double[] mean = new double[k * d];
    double[] cov = new double[k * d * d];
    for (int j = 0; j < k; j++) {
      alpha[j] = node.get("alpha").get(j).asDouble();
      for (int a = 0; a < d; a++) {
        mean[j * d + a] = node.get("mean").get(j).get(a).asDouble();
        for (int b = 0; b < d; b++) {
          cov[(j * d + a) * d + b] = node.get("V").get(j).get(a).get(b).asDouble();
        }
      }
    }
    return GaussianMixture.fromFlat(k, d, alpha, mean, cov);
  }

  /** CPU time of the whole process (all threads); 0 where the JVM does not report it. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0L;
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** VmHWM from /proc/self/status where the OS has it (Linux). */
  private static Optional<Double> peakRssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
