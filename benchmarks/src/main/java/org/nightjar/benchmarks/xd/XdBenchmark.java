package org.nightjar.benchmarks.xd;

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
import java.util.Objects;
import java.util.Optional;
import org.nightjar.models.xd.Float64Files;
import org.nightjar.models.xd.GaussianMixture;
import org.nightjar.models.xd.NoisyData;
import org.nightjar.models.xd.XdEm;
import org.nightjar.models.xd.XdFitOptions;

/**
 * EM speed benchmark on reference data set B (N = 100,000, D = 10, K = 32, full noise
 * covariances): seconds per update on the given thread counts, peak heap, and the log-likelihood
 * after the updates against the reference value stored with the data. A speed ratio is printed
 * only against a peer run in the same command on the same data ({@link XdPeer}, e.g. Bovy's C
 * library built on this machine); the C library's timings stored with the data were measured on
 * another machine and are printed as such, without a ratio. Run it with {@code nightjar bench xd DIR}.
 *
 * <p>Seconds per update are wall time over updates 2..UPDATES (the first one warms up the JIT).
 * Process CPU seconds per update are printed beside them because on a shared machine wall time
 * includes waiting for other processes. The last line is a list of {@code key=value} pairs. Not a
 * test: it measures and prints, and asserts nothing.
 */
public final class XdBenchmark {

  private static final int N = 100_000;
  /** Bovy's C library on an idle 2-vCPU AMD EPYC VM, stored with the data: another machine. */
  private static final double STORED_C_SECONDS_1 = 20.5;
  private static final double STORED_C_SECONDS_2 = 11.2;
  private static final double STORED_C_PEAK_RSS_MIB = 291;

  private XdBenchmark() {}

  /** Relative agreement of the peer's log-likelihood with ours for its time to be compared. */
  static final double PEER_L_TOLERANCE = 1e-6;

  /**
   * What one run measures.
   *
   * @param data folder holding {@code xdB_x.f64.gz}, {@code xdB_S.f64.gz}, {@code xdB_init.json}, {@code xdB_results.json}
   * @param updates EM updates per run, at least 2 (the first is not timed)
   * @param threads thread counts, each timed with the exact update
   * @param floor adds a run on the largest thread count with this {@link XdFitOptions#responsibilityFloor()}; 0: none
   * @param peer another implementation timed on each thread count in the same command; empty: no ratio
   */
  public record Options(Path data, int updates, List<Integer> threads, double floor, Optional<XdPeer> peer) {
    public Options {
      Objects.requireNonNull(data, "data");
      if (updates < 2) {
        throw new IllegalArgumentException("need at least 2 updates (the first is not timed), got " + updates);
      }
      threads = List.copyOf(threads);
      if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
        throw new IllegalArgumentException("thread counts must be positive, got " + threads);
      }
      if (!(floor >= 0)) {
        throw new IllegalArgumentException("floor must be 0 or positive, got " + floor);
      }
      Objects.requireNonNull(peer, "peer");
    }
  }

  /** One measured configuration. */
  private record Run(String label, int threads, double floor) {}

  /** Measures and prints; the last line is {@code key=value} pairs. */
  public static void run(Options options) throws IOException, InterruptedException {
    Path dir = options.data();
    int updates = options.updates();
    List<Run> runs = new ArrayList<>();
    for (int t : options.threads()) {
      runs.add(new Run(t + "t", t, 0.0));
    }
    int maxThreads = options.threads().stream().mapToInt(Integer::intValue).max().orElseThrow();
    if (options.floor() > 0.0) {
      runs.add(new Run(maxThreads + "t_floor", maxThreads, options.floor()));
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
    options.peer().ifPresent(p -> System.out.println("peer, timed here on each thread count: " + p.name()));

    double refL = results.get("L20_bovyC_1thread").asDouble();
    List<String> keys = new ArrayList<>();
    for (Run run : runs) {
      XdFitOptions opts = XdFitOptions.builder().optThreads(run.threads()).optResponsibilityFloor(run.floor()).build();
      double l0;
      double lAfter;
      double lBeforeLast;
      double wallPerUpdate;
      double cpuPerUpdate;
      double likeOnly;
      double wallAll;
      try (XdEm em = new XdEm(data, init, opts)) {
        long first = System.nanoTime();
        l0 = em.update();
        lBeforeLast = l0;
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        for (int u = 1; u < updates; u++) {
          lBeforeLast = em.update(); // L of the parameters this update starts from
        }
        long end = System.nanoTime();
        wallPerUpdate = (end - start) / 1e9 / (updates - 1);
        wallAll = (end - first) / 1e9 / updates;
        cpuPerUpdate = (processCpuNanos() - cpuStart) / 1e9 / (updates - 1);
        long ls = System.nanoTime();
        lAfter = em.logLikelihood();
        likeOnly = (System.nanoTime() - ls) / 1e9;
      }
      double relDiff = updates == 20 ? Math.abs(lAfter - refL) / Math.abs(refL) : Double.NaN;
      System.out.printf(Locale.ROOT,
          "%-9s threads=%d floor=%s: %.3f s/update wall (%.3f CPU s; %.3f s with the first update);"
              + " likelihood-only pass %.3f s; L_0=%.12f L_%d=%.12f (reference L_20=%.12f, rel diff %.1e)%n",
          run.label(), run.threads(), run.floor(), wallPerUpdate, cpuPerUpdate, wallAll,
          likeOnly, l0, updates, lAfter, refL, relDiff);
      String l = run.label();
      keys.add(String.format(Locale.ROOT, "s_per_update_%s=%.4f s_per_update_incl_first_%s=%.4f cpu_s_per_update_%s=%.4f"
          + " L%d_%s=%.13f rel_diff_%s=%.2e", l, wallPerUpdate, l, wallAll, l, cpuPerUpdate, updates, l, lAfter, l, relDiff));
      if (run.floor() == 0.0 && options.peer().isPresent()) {
        XdPeer.Result peer = options.peer().get().run(dir, updates, run.threads());
        double ratio = peer.secondsPerUpdate() / wallPerUpdate;
        // A ratio means something only if the peer did the same work (a peer that stopped early is
        // fast and wrong). Bovy's library returns the likelihood its last update started from.
        boolean agrees = peer.logLikelihood().isPresent()
            && Math.abs(peer.logLikelihood().getAsDouble() - lBeforeLast) <= PEER_L_TOLERANCE * Math.abs(lBeforeLast);
        String peerL = peer.logLikelihood().isPresent()
            ? String.format(Locale.ROOT, "peer L=%.12f", peer.logLikelihood().getAsDouble()) : "peer printed no L";
        if (agrees) {
          System.out.printf(Locale.ROOT, "%-9s threads=%d peer: %.3f s/update wall (all %d updates) -> %.2fx (peer / ours, same"
              + " data, this machine, this command); %s, ours L_%d=%.12f%n", run.label(), run.threads(), peer.secondsPerUpdate(),
              updates, ratio, peerL, updates - 1, lBeforeLast);
          keys.add(String.format(Locale.ROOT, "peer_s_per_update_%s=%.4f speedup_%s=%.2f", l, peer.secondsPerUpdate(), l, ratio));
        } else {
          System.out.printf(Locale.ROOT, "%-9s threads=%d peer: %.3f s/update wall, but %s where ours (L_%d) is %.12f: not the same"
              + " updates, so no ratio%n", run.label(), run.threads(), peer.secondsPerUpdate(), peerL, updates - 1, lBeforeLast);
        }
      }
    }
    double heapMiB = peakHeapBytes() / 1048576.0;
    Optional<Double> rss = peakRssMiB();
    System.out.printf(Locale.ROOT, "peak heap %.0f MiB (sum of heap pool peaks), peak RSS %s%n",
        heapMiB, rss.map(r -> String.format(Locale.ROOT, "%.0f MiB", r)).orElse("unknown"));
    System.out.printf(Locale.ROOT, "stored figures, measured on another machine (Bovy's C library on an idle 2-vCPU AMD EPYC VM),"
        + " not comparable to the runs above: %.1f s/update on 1 thread, %.1f s/update on 2 threads, peak RSS %.0f MiB%s%n",
        STORED_C_SECONDS_1, STORED_C_SECONDS_2, STORED_C_PEAK_RSS_MIB,
        options.peer().isPresent() ? "" : "; for a ratio, build the C library here and pass --bovy DIR");
    keys.add(String.format(Locale.ROOT, "peak_heap_mib=%.0f", heapMiB));
    rss.ifPresent(r -> keys.add(String.format(Locale.ROOT, "peak_rss_mib=%.0f", r)));
    keys.add(String.format(Locale.ROOT, "ref_L20=%.13f stored_other_machine_c_s_per_update_1t=%.1f stored_other_machine_c_s_per_update_2t=%.1f",
        refL, STORED_C_SECONDS_1, STORED_C_SECONDS_2));
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
