package org.nightjar.models.index;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Approximate k-nearest-neighbour search on a graph built by jvector (Vamana with an HNSW-style
 * hierarchy): a search walks from the entry node towards the query, keeping the
 * {@link ApproximateIndexOptions#searchBeam()} best nodes seen, and visits a few hundred nodes
 * instead of all of them.
 *
 * <p>jvector builds the graph; by default ({@link GraphSearch#COMPACT}) the index then copies it
 * into flat arrays renumbered breadth-first, stores the vectors in that order, and walks it with
 * its own beam search ({@link GraphWalk}), which ranks by float squared distance. The alternative,
 * {@link GraphSearch#JVECTOR}, walks jvector's graph with jvector's {@code GraphSearcher}; on the
 * same graph both reach the same recall, and the compact walk is about twice as fast (see
 * {@link ApproximateIndexOptions#defaults()}).
 *
 * <p>Distances returned are exact: whatever the walk ranks by, the candidates that may be among
 * the k nearest are measured again in double from the stored vectors and ranked by
 * {@link ExactDistances}, as the exact index does, so a row found by both indexes has the
 * identical distance in both. What may differ is which rows are found (the recall).
 *
 * <p>The vectors are stored multiplied by a power of two chosen so that a typical
 * nearest-neighbour distance is about 1: jvector's {@code 1 / (1 + d²)}, by which it builds the
 * graph, is then well resolved in float between neighbours (for neighbours at {@code d ≈ 10⁻³} it
 * would be {@code 1 − 10⁻⁶}, a few float steps from 1, and the graph would be built almost
 * blind). Scaling by a power of two is exact, so the exact distances are unchanged by it.
 *
 * <p>Cost: a visited node is mostly a cache miss for its neighbour list and its 256-byte vector;
 * how many nodes a given recall needs depends on the data: embeddings of low intrinsic dimension
 * are easy, isotropic noise in 64 dimensions (or plain Gaussian vectors) is not (see
 * {@code IndexBenchmark}, {@code nightjar bench index}).
 *
 * <p>Searches keep per-thread state (a {@link ThreadLocal} walk or searcher), so the index is safe
 * to search from several threads at once. With one build thread (the default) building is
 * deterministic: jvector's level draws use a fixed seed, nodes are inserted in row order, and the
 * breadth-first renumbering follows the graph.
 */
public final class ApproximateLatentIndex implements LatentIndex {

  /** Rows sampled to estimate the typical nearest-neighbour distance, and rows searched for each. */
  private static final int SCALE_SAMPLE = 200;
  private static final int SCALE_POOL = 5000;

  private final int dimension;
  private final int size;
  private final int exponent;
  private final GraphCandidates graph;
  private final ApproximateIndexOptions options;

  private ApproximateLatentIndex(int size, int dimension, int exponent, GraphCandidates graph,
      ApproximateIndexOptions options) {
    this.dimension = dimension;
    this.size = size;
    this.exponent = exponent;
    this.graph = graph;
    this.options = options;
  }

  public static ApproximateLatentIndex build(float[][] vectors) {
    return build(vectors, ApproximateIndexOptions.defaults(), n -> {});
  }

  public static ApproximateLatentIndex build(float[][] vectors, ApproximateIndexOptions options) {
    return build(vectors, options, n -> {});
  }

  /**
   * Builds the graph over copies of {@code vectors} (rows numbered in that order).
   *
   * @param progress told the number of nodes inserted so far every 1,024 nodes, from a build thread
   */
  @SuppressWarnings("deprecation")
  public static ApproximateLatentIndex build(float[][] vectors, ApproximateIndexOptions options, IntConsumer progress) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    float[] flat = Vectors.flatten(vectors);
    int n = vectors.length;
    int d = vectors[0].length;
    int exponent = scaleExponent(flat, n, d);
    for (int i = 0; i < flat.length; i++) {
      flat[i] = Math.scalb(flat[i], exponent);
    }
    FlatL2Scores scores = new FlatL2Scores(flat, n, d);
    ForkJoinPool pool = new ForkJoinPool(options.buildThreads());
    // The deprecated constructor is the one that takes addHierarchy and refineFinalGraph from the
    // caller; jvector 4's builder() reads both from a process-wide JMX setting instead.
    try (GraphIndexBuilder builder = new GraphIndexBuilder(scores, d, options.maxDegree(), options.constructionBeam(),
        options.neighborOverflow(), options.alpha(), options.hierarchy(), true, pool, pool)) {
      AtomicInteger done = new AtomicInteger();
      IntConsumer insert = i -> {
        builder.addGraphNode(i, scores.searchProviderFor(i));
        int count = done.incrementAndGet();
        if ((count & 1023) == 0) {
          progress.accept(count);
        }
      };
      if (options.buildThreads() == 1) {
        for (int i = 0; i < n; i++) {
          insert.accept(i);
        }
      } else {
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(insert)).join();
      }
      builder.cleanup();
      progress.accept(n);
      ImmutableGraphIndex built = builder.getGraph();
      GraphCandidates candidates = switch (options.search()) {
        case COMPACT -> CompactCandidates.reorderInPlace(built, flat, n, d, false);
        case COMPACT_QUANTIZED -> CompactCandidates.reorderInPlace(built, flat, n, d, true);
        case JVECTOR -> new JvectorCandidates(built, scores, flat);
      };
      return new ApproximateLatentIndex(n, d, exponent, candidates, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      pool.shutdown();
    }
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int size() {
    return size;
  }

  public ApproximateIndexOptions options() {
    return options;
  }

  /**
   * This index searching with a different {@link ApproximateIndexOptions#searchBeam()}: the same
   * graph and vectors (nothing is copied), for trading recall against speed without a rebuild.
   */
  public ApproximateLatentIndex withSearchBeam(int beam) {
    return new ApproximateLatentIndex(size, dimension, exponent, graph, options.withSearchBeam(beam));
  }

  /**
   * This index's graph searched another way ({@link GraphSearch#COMPACT} or
   * {@link GraphSearch#COMPACT_QUANTIZED}): for comparing the searches on one graph. Copies the
   * vectors (the original order stays with this index).
   *
   * @throws IllegalStateException unless this index searches with {@link GraphSearch#JVECTOR}
   */
  public ApproximateLatentIndex compacted(GraphSearch way) {
    if (!(graph instanceof JvectorCandidates jvector) || way == GraphSearch.JVECTOR) {
      throw new IllegalStateException("only an index searching with jvector can be compacted, and only to a compact search");
    }
    float[] copy = jvector.vectors().clone();
    return new ApproximateLatentIndex(size, dimension, exponent, CompactCandidates.reorderInPlace(jvector.graph(), copy,
        size, dimension, way == GraphSearch.COMPACT_QUANTIZED), options.withSearch(way));
  }

  /** Bytes of the graph: jvector's own estimate, or the compact copy's arrays, row numbers and any quantised rows. */
  public long graphBytes() {
    return graph.graphBytes();
  }

  /** Bytes of the stored vectors (one float array). */
  public long vectorBytes() {
    return 4L * graph.vectors().length;
  }

  /** Average neighbours per node in the bottom layer, a sanity figure for the benchmark. */
  public double averageDegree() {
    return graph.averageDegree();
  }

  @Override
  public Neighbourhoods search(float[][] queries, int k) {
    Vectors.checkSearch(queries, k, dimension);
    int wanted = Math.min(k, size);
    int beam = Math.max(wanted, options.searchBeam());
    int[][] outRows = new int[queries.length][wanted];
    float[][] outDistances = new float[queries.length][wanted];
    int[] candidates = new int[Math.min(beam, size)];
    int[] rows = new int[candidates.length];
    double[] squared = new double[candidates.length];
    float[] vectors = graph.vectors();
    float[] scaled = new float[dimension];
    for (int q = 0; q < queries.length; q++) {
      for (int j = 0; j < dimension; j++) {
        scaled[j] = Math.scalb(queries[q][j], exponent);
      }
      int count;
      if (size <= beam) {
        // The graph cannot do better than every row.
        count = size;
        for (int r = 0; r < count; r++) {
          candidates[r] = r;
        }
      } else {
        count = graph.candidates(scaled, beam, wanted, candidates);
      }
      if (count < wanted) {
        // jvector fills the beam on any graph it built; fewer would mean a broken graph.
        throw new IllegalStateException("the graph search reached " + count + " of " + wanted + " rows");
      }
      for (int c = 0; c < count; c++) {
        squared[c] = ExactDistances.squared(scaled, vectors, candidates[c], dimension);
        rows[c] = graph.row(candidates[c]);
      }
      ExactDistances.sort(squared, rows, count);
      for (int j = 0; j < wanted; j++) {
        outRows[q][j] = rows[j];
        outDistances[q][j] = (float) Math.scalb(Math.sqrt(squared[j]), -exponent);
      }
    }
    return new Neighbourhoods(outRows, outDistances);
  }

  /**
   * The power of two that brings the median nearest-neighbour distance of a sample of rows close
   * to 1, within what keeps scaling exact: no scaled value may leave float's normal range, nor
   * grow so large that jvector's float {@code d²} could overflow. 0 when the rows are all alike
   * or span too many orders of magnitude. Deterministic: the sample is every (n / 200)-th row,
   * searched among every (n / 5000)-th.
   */
  static int scaleExponent(float[] flat, int n, int d) {
    float largest = 0f;
    float smallest = Float.POSITIVE_INFINITY;
    for (float v : flat) {
      float a = Math.abs(v);
      largest = Math.max(largest, a);
      if (a > 0f) {
        smallest = Math.min(smallest, a);
      }
    }
    if (largest == 0f) {
      return 0;
    }
    int sampleStep = Math.max(1, n / SCALE_SAMPLE);
    int poolStep = Math.max(1, n / SCALE_POOL);
    double[] nearest = new double[(n + sampleStep - 1) / sampleStep];
    int count = 0;
    for (int s = 0; s < n; s += sampleStep) {
      double best = Double.POSITIVE_INFINITY;
      for (int p = 0; p < n; p += poolStep) {
        double sum = 0.0;
        for (int j = 0; j < d; j++) {
          double diff = (double) flat[s * d + j] - flat[p * d + j];
          sum += diff * diff;
        }
        if (sum > 0.0 && sum < best) {
          best = sum;
        }
      }
      if (best < Double.POSITIVE_INFINITY) {
        nearest[count++] = best;
      }
    }
    if (count == 0) {
      return 0;
    }
    Arrays.sort(nearest, 0, count);
    int wanted = -Math.getExponent(Math.sqrt(nearest[count / 2]));
    int highest = 56 - Math.getExponent(largest);
    int lowest = -100 - Math.getExponent(smallest);
    return lowest > highest ? 0 : Math.max(lowest, Math.min(highest, wanted));
  }
}
