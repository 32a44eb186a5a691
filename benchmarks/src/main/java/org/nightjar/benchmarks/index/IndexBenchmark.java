package org.nightjar.benchmarks.index;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.nightjar.models.ScoringContext;
import org.nightjar.models.autoencoder.AutoencoderModel;
import org.nightjar.models.autoencoder.BackendInfo;
import org.nightjar.models.autoencoder.BackendTuning;
import org.nightjar.models.autoencoder.EmbeddingScorer;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.index.ApproximateIndexOptions;
import org.nightjar.models.index.ApproximateLatentIndex;
import org.nightjar.models.index.ClusteredIndexOptions;
import org.nightjar.models.index.ClusteredLatentIndex;
import org.nightjar.models.index.ExactDistances;
import org.nightjar.models.index.ExactLatentIndex;
import org.nightjar.models.index.GraphSearch;
import org.nightjar.models.index.IntrinsicDimension;
import org.nightjar.models.index.LatentIndex;
import org.nightjar.models.index.Neighbourhoods;
import org.nightjar.models.index.Recall;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;

/**
 * Speed, memory and recall of the two latent indexes at serving scale: for each data kind and size
 * it builds {@link ExactLatentIndex} and {@link ApproximateLatentIndex}, times batched searches
 * (256 queries a batch, k = 5) on the calling thread, and measures the approximate index's
 * recall@5 against the exact one at several search beams, for each way of walking the one graph
 * built ({@link GraphSearch}: jvector's searcher, the index's compact walk, and that walk over
 * byte-quantised vectors). Rates are given by the wall clock and per second of the timing
 * thread's CPU time (the closer figure for one core when other work shares the machine). Figures
 * are printed beside the goals (exact ≥ 5,000 queries/s on one core at 100,000 rows; approximate
 * recall@5 ≥ 0.99 at ≥ 10,000 queries/s on one core at 1,000,000 rows). The last line is
 * {@code key=value} pairs.
 *
 * <p>Three kinds of data, each 64-dimensional; each size's intrinsic dimension (two-NN, see
 * {@link IntrinsicDimension}) is printed beside its figures, and the real embeddings' own:
 *
 * <ul>
 *   <li>{@code real-manifold}: new points between real embeddings and their real neighbours, with
 *       noise confined to each neighbourhood's span ({@link RealManifoldData}): a model of more
 *       alerts of the kinds we hold, keeping the low local dimension of real embeddings (two-NN
 *       7.8 at 100,000 rows and 10.0 at 1,000,000 from the 1,685 ZTF embeddings, whose own is
 *       9.5).</li>
 *   <li>{@code real}: the embeddings of real alerts (a folder of packets, embedded with the shipped
 *       default bundle's autoencoder), replicated with Gaussian noise up to N rows; the noise's
 *       size is a fraction ({@code --noise}) of the median nearest-neighbour distance between the
 *       real embeddings. Queries are fresh noisy copies of randomly drawn real embeddings. At
 *       1,000,000 rows each embedding has hundreds of copies, scattered isotropically: at the scale
 *       of their nearest neighbours the data fill all 64 dimensions, which real embeddings do not
 *       (exact 5-NN among near-equidistant copies is nearly a draw, and a graph search has to visit
 *       the whole blob). Kept as the pessimistic case.
 *   <li>{@code gaussian}: plain N(0, 1) vectors, rows and queries alike: no structure at all, the
 *       hardest case for a graph and the same work as any other for the exact index.
 * </ul>
 *
 * <p>Run through {@code nightjar bench index} (which supplies the bundled alert sample), with
 * {@code OMP_NUM_THREADS=1} so that BLAS uses one core. Options: {@code --sizes 100000,1000000
 * --kinds real-manifold,real,gaussian --seconds 3 --queries 1000 --beams 16,32,64,128,256
 * --build-threads N --max-degree M --construction-beam B --alpha A
 * --search jvector,compact,compact_quantized,ivf --nprobes 1,2,4,8,16,32 --lists L1,L2 --noise 0.25 --quick
 * --alerts DIR}; search {@code ivf} is {@link ClusteredLatentIndex} (an inverted file, built once per
 * {@code --lists} value, by default its own count for the size) at each {@code --nprobes}; with
 * {@code --search ivf} alone no graph is built. At 1,000,000 rows
 * the data take 0.27 GB; the exact index 0.25 GB of heap and 0.25 GB of native memory, dropped
 * before the graph is built; jvector's graph 0.38 GB and its vectors 0.24 GB; each compact copy,
 * made from it in turn, 0.14 GB of graph (0.2 GB with quantised rows) and 0.24 GB of vectors. Give
 * it a 4 GB heap. Building the graph takes 2 cores about 4 to 8 minutes on real-like data and
 * longer on Gaussian data. Not a test: it measures and prints, and asserts nothing.
 */
public final class IndexBenchmark {

  static final int K = 5;
  static final int BATCH = 256;
  static final int DIMENSION = 64;
  static final double EXACT_GOAL_QPS = 5_000;
  static final int EXACT_GOAL_SIZE = 100_000;
  static final double APPROXIMATE_GOAL_QPS = 10_000;
  static final double APPROXIMATE_GOAL_RECALL = 0.99;
  static final int APPROXIMATE_GOAL_SIZE = 1_000_000;
  /** Distinct timed query batches; they are cycled through. */
  private static final int TIMED_BATCHES = 16;
  private static final long PROGRESS_NANOS = 10_000_000_000L;
  /** Rows whose two nearest neighbours estimate the data's intrinsic dimension. */
  private static final int INTRINSIC_SAMPLES = 1000;

  private final Settings settings;
  private final PrintStream out;
  private final Map<String, String> keys = new LinkedHashMap<>();

  /** The seed of every data set and query draw unless told otherwise. */
  public static final long DEFAULT_SEED = 20240611L;

  /**
   * What one run measures.
   *
   * @param sizes rows of each data set
   * @param kinds {@code real-manifold}, {@code real}, {@code gaussian}
   * @param seconds timed seconds per rate, after a warm-up
   * @param recallQueries queries the recall is measured on
   * @param beams search beams of the approximate index
   * @param graph how the graph is built
   * @param searches ways of walking the one graph built
   * @param noise kinds real and real-manifold: noise length as a fraction of the median nearest-neighbour distance
   * @param alerts kinds real and real-manifold: folder of alert packets to embed; null when neither kind is asked for
   * @param ivf whether the inverted file ({@code ClusteredLatentIndex}) is measured too
   * @param probes lists each inverted-file query scans, one measurement per value
   * @param lists lists of the inverted file; empty = its default for the size
   */
  public record Settings(List<Integer> sizes, List<String> kinds, double seconds, int recallQueries, List<Integer> beams,
      ApproximateIndexOptions graph, List<GraphSearch> searches, double noise, Path alerts, long seed,
      boolean ivf, List<Integer> probes, List<Integer> lists) {
    public Settings {
      sizes = List.copyOf(sizes);
      kinds = List.copyOf(kinds);
      beams = List.copyOf(beams);
      searches = List.copyOf(searches);
      probes = List.copyOf(probes);
      lists = List.copyOf(lists);
      if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 2)) {
        throw new IllegalArgumentException("sizes must be at least 2, got " + sizes);
      }
      if (!(seconds > 0) || recallQueries < 1 || !(noise > 0)) {
        throw new IllegalArgumentException("seconds, queries and noise must be positive");
      }
      for (String kind : kinds) {
        if (!List.of("real", "real-manifold", "gaussian").contains(kind)) {
          throw new IllegalArgumentException("unknown kind " + kind + ": expected real, real-manifold or gaussian");
        }
        if (kind.startsWith("real") && alerts == null) {
          throw new IllegalArgumentException("kind " + kind + " needs a folder of alerts");
        }
      }
      java.util.Objects.requireNonNull(graph, "graph");
    }
  }

  private IndexBenchmark(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /** Measures everything {@code settings} asks for, printing as it goes; the last line is {@code key=value} pairs. */
  public static void run(Settings settings, PrintStream out) throws Exception {
    new IndexBenchmark(settings, out).run();
  }

  private void run() throws Exception {
    BackendInfo backend = BackendTuning.applyForInference();
    out.printf(Locale.ROOT, "index bench: k=%d, batches of %d, d=%d; %d processors; ND4J %s, BLAS threads %d, OMP threads %d%s%n",
        K, BATCH, DIMENSION, Runtime.getRuntime().availableProcessors(), backend.label(), backend.blasThreads(),
        backend.ompThreads(), backend.blasThreads() > 1 ? " (set OMP_NUM_THREADS=1 for one-core figures)" : "");
    out.printf(Locale.ROOT, "max heap %.0f MiB; sizes %s, kinds %s, %.1f s timed per figure, recall over %d queries%n",
        Runtime.getRuntime().maxMemory() / 1048576.0, settings.sizes(), settings.kinds(),
        settings.seconds(), settings.recallQueries());
    RealEmbeddings real = null;
    for (String kind : settings.kinds()) {
      if (kind.startsWith("real") && real == null) {
        real = RealEmbeddings.load(settings.alerts(), settings.noise(), out);
      }
      DataSet data = switch (kind) {
        case "real" -> real;
        case "real-manifold" -> real.manifold(settings.noise());
        case "gaussian" -> new Gaussian();
        default -> throw new IllegalArgumentException("unknown kind " + kind + ": expected real, real-manifold or gaussian");
      };
      for (int size : settings.sizes()) {
        measure(data, size);
      }
    }
    List<String> line = new ArrayList<>();
    keys.forEach((k, v) -> line.add(k + "=" + v));
    out.println(String.join(" ", line));
  }

  private void measure(DataSet data, int size) {
    String tag = data.name() + "_" + size;
    SplittableRandom random = new SplittableRandom(settings.seed() ^ size);
    out.printf(Locale.ROOT, "%n== %s (%s), N=%,d x %d ==%n", data.name(), data.description(), size, DIMENSION);
    long t0 = System.nanoTime();
    float[][] rows = data.rows(size, random.split());
    float[][][] timed = new float[TIMED_BATCHES][][];
    SplittableRandom queryRandom = random.split();
    for (int b = 0; b < TIMED_BATCHES; b++) {
      timed[b] = data.queries(BATCH, queryRandom);
    }
    float[][] recallQueries = data.queries(settings.recallQueries(), random.split());
    out.printf(Locale.ROOT, "data: %,d rows and %,d queries generated in %.1f s%n", size,
        TIMED_BATCHES * BATCH + recallQueries.length, seconds(t0));

    // Exact: build, time, then keep only its answers to the recall queries.
    long heapBefore = usedHeap();
    t0 = System.nanoTime();
    ExactLatentIndex exact = ExactLatentIndex.build(rows);
    double exactBuild = seconds(t0);
    long exactHeap = usedHeap() - heapBefore;
    out.printf(Locale.ROOT, "exact: built in %.2f s; index %.1f MiB on the heap + %.1f MiB native (ND4J); heap used"
            + " after build +%.1f MiB; chunks of %d rows, query blocks of %d%n", exactBuild, mib(exact.heapBytes()),
        mib(exact.nativeBytes()), mib(exactHeap), exact.options().chunkRows(), exact.options().queryBlock());
    Rate exactRate = rate(exact, timed);
    String exactGoal = size == EXACT_GOAL_SIZE
        ? String.format(Locale.ROOT, "goal >= %,.0f at %,d: %s", EXACT_GOAL_QPS, EXACT_GOAL_SIZE,
            exactRate.perSecond() >= EXACT_GOAL_QPS ? "met" : "missed")
        : String.format(Locale.ROOT, "(goal >= %,.0f is set at %,d)", EXACT_GOAL_QPS, EXACT_GOAL_SIZE);
    out.printf(Locale.ROOT, "exact: %,.0f queries/s on one thread (%s); %s%n", exactRate.perSecond(), exactRate.detail(),
        exactGoal);
    t0 = System.nanoTime();
    Neighbourhoods truth = exact.search(recallQueries, K);
    out.printf(Locale.ROOT, "exact: answers to the %,d recall queries in %.1f s%n", recallQueries.length, seconds(t0));
    t0 = System.nanoTime();
    double dimension = IntrinsicDimension.twoNn(exact, rows, INTRINSIC_SAMPLES);
    out.printf(Locale.ROOT, "data: intrinsic dimension (two-NN over %,d sampled rows) %.1f, measured in %.1f s%n",
        INTRINSIC_SAMPLES, dimension, seconds(t0));
    keys.put("intrinsic_dim_" + tag, fmt(dimension, 1));
    keys.put("exact_qps_" + tag, fmt(exactRate.perSecond(), 0));
    keys.put("exact_cpu_qps_" + tag, fmt(exactRate.perCpuSecond(), 0));
    keys.put("exact_build_s_" + tag, fmt(exactBuild, 2));
    keys.put("exact_mib_" + tag, fmt(mib(exact.heapBytes() + exact.nativeBytes()), 1));
    exact = null; // its native copy goes with the next collection
    if (settings.ivf()) {
      clustered(rows, truth, recallQueries, timed, size, tag);
    }
    if (settings.searches().isEmpty()) {
      return; // only the inverted file was asked for: no graph to build
    }

    // Approximate: build with progress, then recall and rate at each beam.
    heapBefore = usedHeap();
    ApproximateIndexOptions options = settings.graph();
    out.printf(Locale.ROOT, "approximate: building (max degree %d, construction beam %d, alpha %.2f, overflow %.2f,"
            + " hierarchy %s, %d build thread%s)%n", options.maxDegree(), options.constructionBeam(), options.alpha(),
        options.neighborOverflow(), options.hierarchy(), options.buildThreads(), options.buildThreads() == 1 ? "" : "s");
    t0 = System.nanoTime();
    ApproximateLatentIndex approximate = ApproximateLatentIndex.build(rows, options, progress(size, t0));
    double approximateBuild = seconds(t0);
    long approximateHeap = usedHeap() - heapBefore;
    out.printf(Locale.ROOT, "approximate: built in %.1f s; graph %.1f MiB + vectors %.1f MiB; heap used after build"
            + " +%.1f MiB; mean degree %.1f%n", approximateBuild, mib(approximate.graphBytes()),
        mib(approximate.vectorBytes()), mib(approximateHeap), approximate.averageDegree());
    keys.put("approx_build_s_" + tag, fmt(approximateBuild, 1));
    keys.put("approx_mib_" + tag, fmt(mib(approximate.graphBytes() + approximate.vectorBytes()), 1));
    for (GraphSearch search : settings.searches()) {
      ApproximateLatentIndex searching = approximate;
      if (search != GraphSearch.JVECTOR) {
        t0 = System.nanoTime();
        searching = approximate.compacted(search);
        out.printf(Locale.ROOT, "approximate %s: compact breadth-first copy made in %.1f s; graph %.1f MiB + vectors"
            + " %.1f MiB%n", label(search), seconds(t0), mib(searching.graphBytes()), mib(searching.vectorBytes()));
        keys.put("approx_" + label(search) + "_mib_" + tag, fmt(mib(searching.graphBytes() + searching.vectorBytes()), 1));
      }
      beams(searching, search, truth, recallQueries, timed, size, tag);
    }
  }

  /** Recall and rate at each beam of one way of searching, and whether the goal is met. */
  private void beams(ApproximateLatentIndex approximate, GraphSearch search, Neighbourhoods truth,
      float[][] recallQueries, float[][][] timed, int size, String tag) {
    String name = label(search);
    String prefix = search == GraphSearch.JVECTOR ? "approx_" : "approx_" + name + "_";
    sweep("approximate " + name, "beam", prefix, "b", settings.beams(), approximate::withSearchBeam, truth, recallQueries,
        timed, size, tag);
  }

  /** Search {@code ivf}: {@link ClusteredLatentIndex} built with each list count, recall and rate at each number of probes. */
  private void clustered(float[][] rows, Neighbourhoods truth, float[][] recallQueries, float[][][] timed, int size,
      String tag) {
    List<Integer> listCounts = !settings.lists().isEmpty() ? settings.lists()
        : List.of(ClusteredIndexOptions.forSize(size).lists());
    for (int lists : listCounts) {
      ClusteredIndexOptions options = ClusteredIndexOptions.forSize(size).withLists(lists);
      String prefix = "ivf_l" + lists + "_";
      long heapBefore = usedHeap();
      long t0 = System.nanoTime();
      ClusteredLatentIndex index = ClusteredLatentIndex.build(rows, options);
      double build = seconds(t0);
      long heap = usedHeap() - heapBefore;
      out.printf(Locale.ROOT, "ivf: built in %.1f s (k-means on %,d sampled rows, at most %d iterations); %d of %d lists"
              + " non-empty, longest %,d rows; index %.1f MiB on the heap + %.1f MiB native (ND4J); heap used after build"
              + " +%.1f MiB%n", build, Math.min(size, options.sampleSize()), options.iterations(), index.lists(), lists,
          index.longestList(), mib(index.heapBytes()), mib(index.nativeBytes()), mib(heap));
      keys.put(prefix + "build_s_" + tag, fmt(build, 1));
      keys.put(prefix + "mib_" + tag, fmt(mib(index.heapBytes() + index.nativeBytes()), 1));
      sweep("ivf lists " + lists, "nprobe", prefix, "p", settings.probes(), index::withProbes, truth, recallQueries, timed,
          size, tag);
    }
  }

  private static String label(GraphSearch search) {
    return search.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Queries per second of one index on this thread by the wall clock, and per second of this
   * thread's own CPU time: on a machine shared with other work the thread may not have a core to
   * itself, and the second figure is then the closer estimate of one core's rate (the first is
   * the one the goals are judged by).
   */
  private record Rate(double perSecond, double perCpuSecond, String detail) {}

  /**
   * Recall@5 and rate of one index at each value of its search knob (a beam, a number of probes),
   * then the smallest value reaching the goal recall, and whether its rate meets the goal.
   */
  private void sweep(String name, String knob, String prefix, String keyLetter, List<Integer> values,
      IntFunction<LatentIndex> at, Neighbourhoods truth, float[][] recallQueries, float[][][] timed, int size, String tag) {
    int chosen = -1;
    Rate chosenRate = null;
    double chosenRecall = 0.0;
    for (int value : values) {
      LatentIndex searching = at.apply(value);
      double recall = Recall.of(truth, searching.search(recallQueries, K));
      Rate r = rate(searching, timed);
      out.printf(Locale.ROOT, "%s %s %3d: recall@5 %.4f at %,.0f queries/s on one thread (%s)%n", name, knob, value, recall,
          r.perSecond(), r.detail());
      keys.put(prefix + "recall5_" + keyLetter + value + "_" + tag, fmt(recall, 4));
      keys.put(prefix + "qps_" + keyLetter + value + "_" + tag, fmt(r.perSecond(), 0));
      keys.put(prefix + "cpu_qps_" + keyLetter + value + "_" + tag, fmt(r.perCpuSecond(), 0));
      if (chosen < 0 && recall >= APPROXIMATE_GOAL_RECALL) {
        chosen = value;
        chosenRate = r;
        chosenRecall = recall;
      }
    }
    String goal = String.format(Locale.ROOT, "recall@5 >= %.2f at >= %,.0f queries/s at %,d", APPROXIMATE_GOAL_RECALL,
        APPROXIMATE_GOAL_QPS, APPROXIMATE_GOAL_SIZE);
    if (chosen < 0) {
      out.printf(Locale.ROOT, "%s: no %s tried reached recall@5 %.2f; goal %s: %s%n", name, knob, APPROXIMATE_GOAL_RECALL,
          goal, size == APPROXIMATE_GOAL_SIZE ? "missed" : "not applicable at this size");
      return;
    }
    boolean met = chosenRate.perSecond() >= APPROXIMATE_GOAL_QPS;
    out.printf(Locale.ROOT, "%s: smallest %s reaching recall@5 %.2f is %d (recall %.4f, %,.0f queries/s); goal %s: %s%n",
        name, knob, APPROXIMATE_GOAL_RECALL, chosen, chosenRecall, chosenRate.perSecond(), goal,
        size == APPROXIMATE_GOAL_SIZE ? (met ? "met" : "missed") : "set at " + String.format(Locale.ROOT, "%,d", APPROXIMATE_GOAL_SIZE));
    keys.put(prefix + knob + "_at_099_" + tag, Integer.toString(chosen));
    keys.put(prefix + "qps_at_099_" + tag, fmt(chosenRate.perSecond(), 0));
  }

  private Rate rate(LatentIndex index, float[][][] batches) {
    long warmEnd = System.nanoTime() + (long) (Math.min(1.0, settings.seconds()) * 1e9);
    int b = 0;
    do {
      index.search(batches[b++ % batches.length], K);
    } while (System.nanoTime() < warmEnd || b < 2);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = processCpuNanos();
    long thread0 = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long end = start + (long) (settings.seconds() * 1e9);
    long done = 0;
    int batchCount = 0;
    do {
      done += index.search(batches[b++ % batches.length], K).queries();
      batchCount++;
    } while (System.nanoTime() < end);
    double wall = seconds(start);
    double threadCpu = (threads.getCurrentThreadCpuTime() - thread0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    return new Rate(done / wall, done / threadCpu, String.format(Locale.ROOT,
        "%,.0f per thread CPU second; %d batches in %.1f s, process CPU %.2f x wall", done / threadCpu, batchCount, wall,
        cpu / wall));
  }

  /** Prints the graph build's progress every few seconds. */
  private IntConsumer progress(int size, long start) {
    long[] last = {start};
    return done -> {
      long now = System.nanoTime();
      synchronized (last) {
        if (done < size && now - last[0] < PROGRESS_NANOS) {
          return;
        }
        last[0] = now;
      }
      System.err.printf(Locale.ROOT, "approximate: %,d/%,d nodes (%d%%) after %.0f s%n", done, size,
          (long) done * 100 / size, (now - start) / 1e9);
    };
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0L;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static double mib(long bytes) {
    return bytes / 1048576.0;
  }

  private static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** A kind of data: how to make N rows and fresh queries like them. */
  interface DataSet {
    String name();

    String description();

    float[][] rows(int n, SplittableRandom random);

    float[][] queries(int n, SplittableRandom random);
  }

  /** Plain N(0, 1) in every coordinate. */
  static final class Gaussian implements DataSet {
    @Override
    public String name() {
      return "gaussian";
    }

    @Override
    public String description() {
      return "plain Gaussian N(0,1) vectors; queries fresh N(0,1) draws";
    }

    @Override
    public float[][] rows(int n, SplittableRandom random) {
      return draw(n, random);
    }

    @Override
    public float[][] queries(int n, SplittableRandom random) {
      return draw(n, random);
    }

    private static float[][] draw(int n, SplittableRandom random) {
      float[][] v = new float[n][DIMENSION];
      for (float[] row : v) {
        for (int j = 0; j < DIMENSION; j++) {
          row[j] = (float) normal(random);
        }
      }
      return v;
    }
  }

  /**
   * Real embeddings, each row one of them plus fresh isotropic Gaussian noise: at the scale of a
   * seed's copies the data fill all 64 dimensions (intrinsic dimension near 64), unlike the real
   * embeddings themselves.
   */
  static final class RealEmbeddings implements DataSet {
    private final float[][] base;
    private final double sigma;
    private final double medianNearest;

    private RealEmbeddings(float[][] base, double sigma, double medianNearest) {
      this.base = base;
      this.sigma = sigma;
      this.medianNearest = medianNearest;
    }

    /** Kind {@code real-manifold} over the same embeddings, with noise of the same length. */
    RealManifoldData manifold(double noise) {
      return new RealManifoldData(base, noise, medianNearest);
    }

    /** Embeds every decodable packet under {@code alerts} that has its three cutouts. */
    static RealEmbeddings load(Path alerts, double noise, PrintStream out) throws Exception {
      if (alerts == null) {
        throw new IllegalArgumentException("kind real needs --alerts DIR (a folder of alert packets)");
      }
      long t0 = System.nanoTime();
      ModelBundle bundle = ModelBundle.defaultBundle();
      AutoencoderModel model = AutoencoderModel.load(bundle);
      AlertCodec codec = AlertCodec.withDefaults();
      List<ScoringContext> contexts = new ArrayList<>();
      List<Path> files = AlertFiles.list(alerts);
      for (Path file : files) {
        try {
          contexts.add(new ScoringContext(codec.decode(AlertFiles.read(file))));
        } catch (AlertDecodeException e) {
          // Not part of the sample's promise, but a foreign folder may hold such packets: skip them.
        }
      }
      try (EmbeddingScorer scorer = new EmbeddingScorer(model)) {
        for (int from = 0; from < contexts.size(); from += 32) {
          scorer.score(contexts.subList(from, Math.min(contexts.size(), from + 32)));
        }
      }
      List<float[]> embeddings = new ArrayList<>();
      for (ScoringContext c : contexts) {
        c.embedding().ifPresent(embeddings::add);
      }
      if (embeddings.size() < 2) {
        throw new IllegalArgumentException(alerts + " holds " + embeddings.size() + " embeddable alerts; need at least 2");
      }
      float[][] base = embeddings.toArray(float[][]::new);
      if (base[0].length != DIMENSION) {
        throw new IllegalArgumentException("the bundle's latent space has " + base[0].length + " dimensions, not " + DIMENSION);
      }
      double nearest = medianNearest(base);
      double norm = medianNorm(base);
      double sigma = noise * nearest / Math.sqrt(DIMENSION);
      out.printf(Locale.ROOT, "real embeddings: %d of %d packets in %s embedded by %s in %.1f s; median norm %.3f,"
              + " median nearest-neighbour distance %.4f; noise sigma %.5f per coordinate (noise length about %.4f ="
              + " %.2f x that distance)%n", base.length, files.size(), alerts, bundle, (System.nanoTime() - t0) / 1e9,
          norm, nearest, sigma, sigma * Math.sqrt(DIMENSION), noise);
      out.printf(Locale.ROOT, "real embeddings: intrinsic dimension (two-NN) %.1f; principal components for 90%% / 95%% / 99%%"
              + " of the variance: %d / %d / %d of %d%n", IntrinsicDimension.twoNn(base),
          IntrinsicDimension.principalComponents(base, 0.90), IntrinsicDimension.principalComponents(base, 0.95),
          IntrinsicDimension.principalComponents(base, 0.99), DIMENSION);
      return new RealEmbeddings(base, sigma, nearest);
    }

    @Override
    public String name() {
      return "real";
    }

    @Override
    public String description() {
      return String.format(Locale.ROOT, "%d real embeddings replicated with Gaussian noise sigma %.5f; queries fresh"
          + " noisy copies", base.length, sigma);
    }

    @Override
    public float[][] rows(int n, SplittableRandom random) {
      float[][] v = new float[n][];
      for (int i = 0; i < n; i++) {
        v[i] = copy(base[i % base.length], random);
      }
      return v;
    }

    @Override
    public float[][] queries(int n, SplittableRandom random) {
      float[][] v = new float[n][];
      for (int i = 0; i < n; i++) {
        v[i] = copy(base[random.nextInt(base.length)], random);
      }
      return v;
    }

    private float[] copy(float[] of, SplittableRandom random) {
      float[] v = new float[of.length];
      for (int j = 0; j < of.length; j++) {
        v[j] = (float) (of[j] + sigma * normal(random));
      }
      return v;
    }

    private static double medianNearest(float[][] v) {
      double[] nearest = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < v.length; j++) {
          double sum = ExactDistances.squared(v[i], v[j]);
          if (j != i && sum > 0.0) {
            best = Math.min(best, sum);
          }
        }
        nearest[i] = Math.sqrt(best);
      }
      Arrays.sort(nearest);
      return nearest[v.length / 2];
    }

    private static double medianNorm(float[][] v) {
      double[] norms = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        double sum = 0.0;
        for (float x : v[i]) {
          sum += (double) x * x;
        }
        norms[i] = Math.sqrt(sum);
      }
      Arrays.sort(norms);
      return norms[v.length / 2];
    }
  }

  static double normal(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
  }
}
