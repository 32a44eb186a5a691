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
 * <p>Run (from the repository root, after {@code mvn -B -o -pl models -am package -DskipTests}):
 *
 * <pre>
 *   mvn -B -o -q -pl models exec:java -Dexec.args="FOLDER [UPDATES] [THREADS,...] [FLOOR]"
 * </pre>
 *
 * where FOLDER holds {@code xdB_x.f64.gz}, {@code xdB_S.f64.gz}, {@code xdB_init.json} and
 * {@code xdB_results.json}; UPDATES defaults to 20, THREADS to {@code 1,2} and FLOOR (see
 * {@link XdFitOptions#responsibilityFloor()}) to 0, the exact update. Seconds per update are timed
 * over updates 2..UPDATES (the first one warms up the JIT); process CPU seconds are printed beside
 * them because wall time on a shared machine includes waiting for other processes. The last line
 * printed is a list of {@code key=value} pairs. Not a test: it measures and prints, and asserts
 * nothing.
 */
public final class XdBenchmark {

  private static final double C_SECONDS_1 = 20.5;
  private static final double C_SECONDS_2 = 11.2;
  private static final double C_PEAK_RSS_MIB = 291;

  private XdBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: XdBenchmark FOLDER [UPDATES] [THREADS,...] [FLOOR]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int updates = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    String[] threadList = (args.length > 2 ? args[2] : "1,2").split(",");
    double floor = args.length > 3 ? Double.parseDouble(args[3]) : 0.0;

    ObjectMapper json = new ObjectMapper();
    JsonNode initNode = json.readTree(Files.readAllBytes(dir.resolve("xdB_init.json")));
    JsonNode results = json.readTree(Files.readAllBytes(dir.resolve("xdB_results.json")));
    GaussianMixture init = mixture(initNode);
    int k = init.components();
    int d = init.dimension();
    int n = 100_000;
    long t0 = System.nanoTime();
    NoisyData data = NoisyData.wrap(d,
        Float64Files.read(dir.resolve("xdB_x.f64.gz"), n * d),
        Float64Files.read(dir.resolve("xdB_S.f64.gz"), n * d * d));
    System.out.printf(Locale.ROOT,
        "data set B: N=%d D=%d K=%d, loaded in %.1f s; %d updates, w=0, responsibility floor %s; %d processors%n",
        n, d, k, (System.nanoTime() - t0) / 1e9, updates, floor, Runtime.getRuntime().availableProcessors());

    double refL = results.get("L20_bovyC_1thread").asDouble();
    List<String> keys = new ArrayList<>();
    for (String ts : threadList) {
      int threads = Integer.parseInt(ts.trim());
      XdFitOptions opts = XdFitOptions.builder().optThreads(threads).optResponsibilityFloor(floor).build();
      double l0;
      double lAfter;
      double secondsPerUpdate;
      double likeOnly;
      double cpuPerUpdate;
      try (XdEm em = new XdEm(data, init, opts)) {
        l0 = em.update();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        for (int u = 1; u < updates; u++) {
          em.update();
        }
        double rest = (System.nanoTime() - start) / 1e9;
        cpuPerUpdate = (processCpuNanos() - cpuStart) / 1e9 / Math.max(1, updates - 1);
        // The first update includes JIT warm-up; it is timed separately below.
        secondsPerUpdate = updates > 1 ? rest / (updates - 1) : Double.NaN;
        long ls = System.nanoTime();
        lAfter = em.logLikelihood();
        likeOnly = (System.nanoTime() - ls) / 1e9;
      }
      double cSec = threads == 1 ? C_SECONDS_1 : C_SECONDS_2;
      double relErr = updates == 20 ? Math.abs(lAfter - refL) / Math.abs(refL) : Double.NaN;
      System.out.printf(Locale.ROOT,
          "threads=%d: %.3f s/update (updates 2..%d) vs Bovy C %.1f s -> %.1fx faster; %.3f CPU s/update;"
              + " likelihood-only pass %.3f s; L_0=%.12f L_%d=%.12f (Bovy C L_20=%.12f, rel diff %.1e)%n",
          threads, secondsPerUpdate, updates, cSec, cSec / secondsPerUpdate, cpuPerUpdate, likeOnly, l0, updates, lAfter, refL,
          relErr);
      keys.add(String.format(Locale.ROOT, "s_per_update_%dt=%.4f speedup_%dt=%.2f", threads, secondsPerUpdate,
          threads, cSec / secondsPerUpdate));
      keys.add(String.format(Locale.ROOT, "cpu_s_per_update_%dt=%.4f", threads, cpuPerUpdate));
      keys.add(String.format(Locale.ROOT, "L%d_%dt=%.13f", updates, threads, lAfter));
      keys.add(String.format(Locale.ROOT, "rel_diff_%dt=%.2e", threads, relErr));
    }
    double heapMiB = peakHeapBytes() / 1048576.0;
    Optional<Double> rss = peakRssMiB();
    System.out.printf(Locale.ROOT, "peak heap %.0f MiB (sum of heap pool peaks), peak RSS %s; Bovy C peak RSS %.0f MiB%n",
        heapMiB, rss.map(r -> String.format(Locale.ROOT, "%.0f MiB", r)).orElse("unknown"), C_PEAK_RSS_MIB);
    keys.add(String.format(Locale.ROOT, "peak_heap_mib=%.0f", heapMiB));
    rss.ifPresent(r -> keys.add(String.format(Locale.ROOT, "peak_rss_mib=%.0f", r)));
    keys.add(String.format(Locale.ROOT, "ref_L20=%.13f", refL));
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

  /** CPU time of the whole process (all threads), so a loaded machine shows as wall >> CPU / threads. */
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
