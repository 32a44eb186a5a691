package org.nightjar.models.index;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact k-nearest-neighbour search: every query against every reference row, a block of queries
 * at a time as one matrix product per chunk of references (BLAS sgemm through ND4J).
 *
 * <p>Why a product: with {@code d² = |q|² + |r|² − 2 q·r} the work of a whole batch is one
 * {@code sgemm} per chunk, which runs at tens of GFLOPS on one core, where a loop over (query,
 * row) pairs in Java ran about 190 queries/s over 100,000 × 64. Each reference row is stored as
 * {@code [r − c, |r − c|²]} and each query as {@code [−2 (q − c), 1]}, where {@code c} is the mean
 * of the references: one product then yields the score {@code |r − c|² − 2 (q − c)·(r − c)}, which
 * is {@code d² − |q − c|²} and so ranks rows exactly as {@code d²} does for that query; centring
 * keeps the norms, hence the rounding error of the float product, small.
 *
 * <p>Why still exact: a float score is off by at most {@code (d + 5) · 2⁻²⁴ · (|q − c| +
 * max|r − c|)²} (the standard bound for a rounded sum of {@code d + 1} products, plus the
 * roundings of the centring and of the stored norm); the index takes twice that as its bound. For
 * each query {@link CandidateList} keeps every row scoring within twice the bound of the current
 * k-th best, so no row of the true top k can be missed; those few candidates are then measured
 * again in double from the original vectors and ranked by {@link ExactDistances}. Results equal a
 * plain double-precision brute force, ties included (lower row first), whatever the float
 * products did. Where float scores cannot tell rows apart at all (near vectors far from the mean)
 * the candidate lists grow and the search slows down, but stays exact.
 *
 * <p>The scan of the products is the other half of the time: a chunk's product is {@code
 * chunkRows × queryBlock} (one row per reference), copied from native memory row by row, folded
 * into one minimum per query every {@value #GROUP} rows with an element-wise minimum the JIT
 * vectorises, and only a group whose minimum beats a query's threshold is looked at row by row.
 *
 * <p>Memory: the references twice, as the original floats on the heap (for the exact pass) and
 * as the padded product operand in native memory (ND4J), about {@code 8 d} bytes per row in all.
 * A search allocates one query block and one {@code chunkRows × queryBlock} product in native
 * memory and frees both before it returns.
 *
 * <p>Immutable once built and safe to search from several threads at once (each search works on
 * arrays of its own; the reference chunks are only read). Building is deterministic.
 */
public final class ExactLatentIndex implements LatentIndex {

  /** Unit roundoff of float. */
  private static final double UNIT = 0x1p-24;
  /** Rows of a chunk whose scores are folded into one minimum per query before any comparison. */
  private static final int GROUP = 32;

  private final int dimension;
  private final int size;
  private final float[] rows;
  private final float[] centre;
  private final int chunkRows;
  private final int queryBlock;
  private final INDArray[] chunks;
  private final double maxCentredNorm;
  private final double errorFactor;

  @SuppressWarnings("try") // the scope is the point: the chunks must outlive any workspace of the caller
  private ExactLatentIndex(float[] rows, int size, int dimension, ExactIndexOptions options) {
    this.rows = rows;
    this.size = size;
    this.dimension = dimension;
    this.chunkRows = Math.min(options.chunkRows(), size);
    this.queryBlock = options.queryBlock();
    this.centre = mean(rows, size, dimension);
    int width = dimension + 1;
    // Rounded sum of `width` products, plus the rounding of the centring and of the stored norm.
    double terms = width + 4;
    this.errorFactor = 2.0 * terms * UNIT / (1.0 - terms * UNIT);
    int count = (size + chunkRows - 1) / chunkRows;
    this.chunks = new INDArray[count];
    double maxNorm = 0.0;
    float[] operand = new float[chunkRows * width];
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      for (int c = 0; c < count; c++) {
        for (int i = 0; i < chunkRows; i++) {
          int row = c * chunkRows + i;
          int at = i * width;
          if (row >= size) {
            // Padding: a score of +inf, which no threshold accepts.
            Arrays.fill(operand, at, at + dimension, 0f);
            operand[at + dimension] = Float.POSITIVE_INFINITY;
            continue;
          }
          double norm = 0.0;
          for (int j = 0; j < dimension; j++) {
            float v = rows[row * dimension + j] - centre[j];
            operand[at + j] = v;
            norm += (double) v * v;
          }
          operand[at + dimension] = (float) norm;
          maxNorm = Math.max(maxNorm, Math.sqrt(norm));
        }
        chunks[c] = Nd4j.create(operand, new long[] {chunkRows, width}, 'c');
      }
    }
    this.maxCentredNorm = maxNorm * (1.0 + 1e-6);
  }

  /** Builds an index over copies of {@code vectors} (rows numbered in that order), default chunking. */
  public static ExactLatentIndex build(float[][] vectors) {
    return build(vectors, ExactIndexOptions.defaults());
  }

  public static ExactLatentIndex build(float[][] vectors, ExactIndexOptions options) {
    Objects.requireNonNull(options, "options");
    float[] flat = Vectors.flatten(vectors);
    return new ExactLatentIndex(flat, vectors.length, vectors[0].length, options);
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int size() {
    return size;
  }

  /** Bytes of the reference data on the Java heap (the original vectors). */
  public long heapBytes() {
    return 4L * rows.length + 4L * centre.length;
  }

  /** Bytes of the product operand in ND4J's native memory. */
  public long nativeBytes() {
    return 4L * chunks.length * chunkRows * (dimension + 1);
  }

  public ExactIndexOptions options() {
    return new ExactIndexOptions(chunkRows, queryBlock);
  }

  @Override
  @SuppressWarnings("try") // the scope is the point: a search's arrays are freed by the search, not a workspace
  public Neighbourhoods search(float[][] queries, int k) {
    Vectors.checkSearch(queries, k, dimension);
    int n = queries.length;
    int wanted = Math.min(k, size);
    int[][] outRows = new int[n][wanted];
    float[][] outDistances = new float[n][wanted];
    if (wanted == size) {
      int[] all = new int[size];
      for (int i = 0; i < size; i++) {
        all[i] = i;
      }
      for (int q = 0; q < n; q++) {
        ExactDistances.rank(queries[q], rows, dimension, all, size, outRows[q], outDistances[q]);
      }
      return new Neighbourhoods(outRows, outDistances);
    }
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      for (int from = 0; from < n; from += queryBlock) {
        searchBlock(queries, from, Math.min(n, from + queryBlock), wanted, outRows, outDistances);
      }
    }
    return new Neighbourhoods(outRows, outDistances);
  }

  private void searchBlock(float[][] queries, int from, int to, int k, int[][] outRows, float[][] outDistances) {
    int block = to - from;
    int width = dimension + 1;
    float[] operand = new float[block * width];
    CandidateList[] lists = new CandidateList[block];
    for (int i = 0; i < block; i++) {
      float[] q = queries[from + i];
      double norm = 0.0;
      for (int j = 0; j < dimension; j++) {
        float v = q[j] - centre[j];
        operand[i * width + j] = -2f * v;
        norm += (double) v * v;
      }
      operand[i * width + dimension] = 1f;
      double reach = Math.sqrt(norm) + maxCentredNorm;
      float slack = (float) (2.0 * errorFactor * reach * reach * (1.0 + 1e-6));
      lists[i] = new CandidateList(k, slack);
    }
    float[][] group = new float[GROUP][block];
    float[] minima = new float[block];
    float[] limits = new float[block];
    for (int i = 0; i < block; i++) {
      limits[i] = lists[i].threshold();
    }
    INDArray q = Nd4j.create(operand, new long[] {block, width}, 'c');
    INDArray product = Nd4j.createUninitialized(DataType.FLOAT, new long[] {chunkRows, block}, 'c');
    try {
      FloatBuffer view = product.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
      for (int c = 0; c < chunks.length; c++) {
        Nd4j.gemm(chunks[c], q, product, false, true, 1.0, 0.0);
        scanChunk(view, chunkRows, block, c * chunkRows, group, minima, limits, lists);
      }
    } finally {
      q.close();
      product.close();
    }
    int[] candidates = new int[0];
    for (int i = 0; i < block; i++) {
      CandidateList list = lists[i];
      if (candidates.length < list.size()) {
        candidates = new int[list.size()];
      }
      for (int c = 0; c < list.size(); c++) {
        candidates[c] = list.row(c);
      }
      ExactDistances.rank(queries[from + i], rows, dimension, candidates, list.size(), outRows[from + i],
          outDistances[from + i]);
    }
  }

  /**
   * Offers the scores of one chunk ({@code rows × block}, one row per reference) to the queries'
   * lists: the hot loop of a search. Most scores lose to their query's threshold, so groups of
   * {@link #GROUP} rows are first folded into one minimum per query (an element-wise minimum over
   * arrays, which the JIT turns into vector instructions) and only a group whose minimum beats a
   * query's threshold is looked at row by row for that query.
   */
  private static void scanChunk(FloatBuffer scores, int rows, int block, int firstRow, float[][] group,
      float[] minima, float[] limits, CandidateList[] lists) {
    for (int g = 0; g < rows; g += GROUP) {
      int count = Math.min(GROUP, rows - g);
      for (int r = 0; r < count; r++) {
        scores.get((g + r) * block, group[r], 0, block);
      }
      System.arraycopy(group[0], 0, minima, 0, block);
      for (int r = 1; r < count; r++) {
        foldMin(minima, group[r], block);
      }
      for (int i = 0; i < block; i++) {
        if (minima[i] < limits[i]) {
          float limit = limits[i];
          for (int r = 0; r < count; r++) {
            float s = group[r][i];
            if (s < limit) {
              limit = lists[i].offer(s, firstRow + g + r);
            }
          }
          limits[i] = limit;
        }
      }
    }
  }

  /** {@code minima[i] = min(minima[i], row[i])}: same index on both sides, so the JIT vectorises it. */
  private static void foldMin(float[] minima, float[] row, int length) {
    for (int i = 0; i < length; i++) {
      minima[i] = Math.min(minima[i], row[i]);
    }
  }

  private static float[] mean(float[] rows, int size, int dimension) {
    double[] sum = new double[dimension];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < dimension; j++) {
        sum[j] += rows[i * dimension + j];
      }
    }
    float[] mean = new float[dimension];
    for (int j = 0; j < dimension; j++) {
      mean[j] = (float) (sum[j] / size);
    }
    return mean;
  }
}
