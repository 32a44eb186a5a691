package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nightjar.benchmarks.index.IndexBenchmark;
import org.nightjar.models.index.ApproximateIndexOptions;
import org.nightjar.models.index.GraphSearch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Latent index speed, memory and recall: exact against approximate, on three kinds of real-like and Gaussian data. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Build the exact and the approximate latent index over N x 64 vectors of three kinds (new points",
        "between real alert embeddings, real embeddings replicated with isotropic noise, plain Gaussian), print each",
        "data set's intrinsic dimension, time batched k=5 searches on one thread (wall clock and thread CPU), and",
        "measure the approximate index's recall@5 at several search beams for each way of walking its graph, beside",
        "the goals; last line key=value.",
        "Run with OMP_NUM_THREADS=1 (the launcher's default). At 1,000,000 rows it needs about 2 GB of heap and takes",
        "about 40 minutes on 2 cores (graph builds); the launcher gives 2 GB of heap, so give it more:",
        "NIGHTJAR_JAVA_OPTS=\"-Xmx4g -XX:+UseParallelGC -Dorg.bytedeco.javacpp.maxbytes=3G\"."})
public final class IndexBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--sizes", defaultValue = "100000,1000000", description = "Numbers of rows (default: ${DEFAULT-VALUE}).")
  String sizes;

  @Option(names = "--kinds", defaultValue = "real-manifold,real,gaussian",
      description = {"Data kinds: real-manifold (new points between real embeddings of the alert sample and their neighbours),",
          "real (the embeddings replicated with isotropic noise), gaussian (default: ${DEFAULT-VALUE})."})
  String kinds;

  @Option(names = "--seconds", defaultValue = "3", description = "Timed seconds per rate, after a warm-up (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--queries", defaultValue = "1000", description = "Queries the recall is measured on (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--beams", defaultValue = "16,32,64,128,256",
      description = "Search beams of the approximate index to measure (default: ${DEFAULT-VALUE}).")
  String beams;

  @Option(names = "--build-threads", description = "Threads building the graph (default: all processors).")
  Integer buildThreads;

  @Option(names = "--max-degree", description = "Graph degree M (default: the index's default).")
  Integer maxDegree;

  @Option(names = "--construction-beam", description = "Beam width while building (default: the index's default).")
  Integer constructionBeam;

  @Option(names = "--search", defaultValue = "jvector,compact,compact_quantized",
      description = {"Ways of walking the one graph built: jvector (its GraphSearcher), compact (the index's own search over a",
          "breadth-first copy; the default of index.kind=approximate), compact_quantized (the same ranking by byte-quantised",
          "vectors, then exact distances); ivf (an inverted file over k-means lists, no graph: with --search ivf alone",
          "no graph is built) (default: ${DEFAULT-VALUE})."})
  String search;

  @Option(names = "--nprobes", defaultValue = "1,2,4,8,16,32",
      description = "Search ivf: lists scanned per query to measure (default: ${DEFAULT-VALUE}).")
  String nprobes;

  @Option(names = "--lists", description = "Search ivf: list counts to build (default: the index's own for each size).")
  String lists;

  @Option(names = "--noise", defaultValue = "0.25",
      description = "Kinds real and real-manifold: noise length as a fraction of the median nearest-neighbour distance (default: ${DEFAULT-VALUE}).")
  double noise;

  @Option(names = "--alerts", paramLabel = "DIR", description = "Kinds real and real-manifold: folder of .avro packets (default: the bundled sample).")
  Path alerts;

  @Option(names = "--quick", description = "Small sizes (5,000 and 20,000), short timings: a smoke test.")
  boolean quick;

  @Override
  public Integer call() throws Exception {
    List<String> kindList = csv(kinds);
    boolean real = kindList.stream().anyMatch(k -> k.startsWith("real"));
    ApproximateIndexOptions d = ApproximateIndexOptions.defaults();
    ApproximateIndexOptions graph = new ApproximateIndexOptions(maxDegree != null ? maxDegree : d.maxDegree(),
        constructionBeam != null ? constructionBeam : d.constructionBeam(), d.alpha(), d.neighborOverflow(), d.hierarchy(),
        d.searchBeam(), buildThreads != null ? buildThreads : Runtime.getRuntime().availableProcessors(), GraphSearch.JVECTOR);
    List<String> searchNames = csv(search);
    List<GraphSearch> searches = searchNames.stream().filter(w -> !w.equalsIgnoreCase("ivf"))
        .map(w -> GraphSearch.valueOf(w.toUpperCase(Locale.ROOT))).distinct().toList();
    IndexBenchmark.run(new IndexBenchmark.Settings(
        ints(quickOr("--sizes", "5000,20000", sizes)), kindList, Double.parseDouble(quickOr("--seconds", "0.5", Double.toString(seconds))),
        Integer.parseInt(quickOr("--queries", "200", Integer.toString(queries))), ints(quickOr("--beams", "16,64", beams)),
        graph, searches, noise, real ? SampleAlerts.resolve(alerts, spec.commandLine()) : null, IndexBenchmark.DEFAULT_SEED,
        searchNames.stream().anyMatch(w -> w.equalsIgnoreCase("ivf")), ints(nprobes), lists == null ? List.of() : ints(lists)),
        System.out);
    return 0;
  }

  /** With --quick, an option the user did not give takes its smoke-test value. */
  private String quickOr(String option, String quickValue, String value) {
    return quick && !spec.commandLine().getParseResult().hasMatchedOption(option) ? quickValue : value;
  }

  private static List<String> csv(String values) {
    return Arrays.stream(values.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  private static List<Integer> ints(String values) {
    return csv(values).stream().map(Integer::valueOf).toList();
  }
}
