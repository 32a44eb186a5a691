package org.nightjar.models.index;

import java.util.Objects;

/**
 * Settings of {@link ApproximateLatentIndex}, jvector's graph (Vamana with an HNSW-style
 * hierarchy).
 *
 * @param maxDegree most neighbours a node keeps (jvector's {@code M}); more means better recall
 *     per visited node, more memory and a slower build
 * @param constructionBeam candidates considered when linking a new node ({@code beamWidth})
 * @param alpha how far the diversity pruning lets longer edges survive (1 = plain HNSW; 1.2 is
 *     jvector's usual value)
 * @param neighborOverflow how many extra neighbours (as a factor of {@code maxDegree}) a node may
 *     hold while the graph is being built
 * @param hierarchy whether to add the HNSW upper layers (a faster way down to the right region)
 * @param searchBeam candidates a search keeps (at least {@code k}): the recall/speed knob; every
 *     candidate's distance is measured again exactly before the best {@code k} are returned
 * @param buildThreads threads that insert nodes; with 1 the graph, hence every answer, is the
 *     same on every build of the same vectors, with more the insertion order varies from run to
 *     run and so may a few answers
 * @param search how the graph is walked ({@link GraphSearch}); the answers' distances are exact either way
 */
public record ApproximateIndexOptions(int maxDegree, int constructionBeam, float alpha, float neighborOverflow,
    boolean hierarchy, int searchBeam, int buildThreads, GraphSearch search) {

  public ApproximateIndexOptions {
    Objects.requireNonNull(search, "search");
    if (maxDegree < 2 || constructionBeam < 1 || searchBeam < 1 || buildThreads < 1) {
      throw new IllegalArgumentException("maxDegree ≥ 2 and constructionBeam, searchBeam, buildThreads ≥ 1 required, got "
          + maxDegree + ", " + constructionBeam + ", " + searchBeam + ", " + buildThreads);
    }
    if (!(alpha >= 1f) || !(neighborOverflow >= 1f)) {
      throw new IllegalArgumentException("alpha and neighborOverflow must be at least 1, got " + alpha + ", " + neighborOverflow);
    }
  }

  /**
   * M = 32, construction beam 100, alpha 1.2, overflow 1.2, with the hierarchy, search beam 256,
   * one build thread, the {@link GraphSearch#COMPACT} walk.
   *
   * <p>Graph: measured with {@code nightjar bench index} on real embeddings replicated with isotropic
   * noise (kind {@code real}), one core: M = 16 (construction beam 50) reached recall@5 0.95 at
   * beam 32 over 100,000 rows where M = 32 reached 0.99; without the hierarchy recall at beam 64
   * fell from 0.98 to 0.83 over 300,000 rows.
   *
   * <p>Beam: 256 is the smallest tried that comes to recall@5 0.99 over 1,000,000 rows of kind
   * {@code real} (0.991 and 0.990 in two builds; beam 128: 0.989 and 0.985, beam 64: 0.97), the
   * pessimistic kind whose copies fill all 64 dimensions. Over 1,000,000 rows of kind
   * {@code real-manifold} (intrinsic dimension 10, as the real embeddings' own 9.5) beam 16
   * already reaches 0.994 and 32 reaches 0.997, and over 100,000 rows of either kind 16 to 64 do
   * ({@link ApproximateLatentIndex#withSearchBeam} trades it without a rebuild). On plain Gaussian
   * vectors no beam up to 256 reaches 0.9.
   *
   * <p>Walk: on the same graph the compact walk finds what jvector's searcher finds (recall within
   * ±0.007) at 1.5 to 3.6 times the rate per thread CPU second over 1,000,000 rows of each bench
   * kind; over 1,000,000 {@code real-manifold} rows, one core on a loaded machine, beam 16:
   * recall@5 0.994 at 13,800 queries/s against jvector's 0.995 at 7,100 (a repeat with a new
   * build: 0.994 at 13,100 against 0.994 at 8,900). {@link GraphSearch#COMPACT_QUANTIZED} was 1.1
   * to 1.3 times faster at beams 32 to 256 there while other work loaded the machine, no faster in
   * the quieter repeat, and slower on the {@code real} kind, for 0.06 GB more memory per million
   * rows: an option, not the default.
   */
  public static ApproximateIndexOptions defaults() {
    return new ApproximateIndexOptions(32, 100, 1.2f, 1.2f, true, 256, 1, GraphSearch.COMPACT);
  }

  public ApproximateIndexOptions withSearchBeam(int beam) {
    return new ApproximateIndexOptions(maxDegree, constructionBeam, alpha, neighborOverflow, hierarchy, beam, buildThreads, search);
  }

  public ApproximateIndexOptions withBuildThreads(int threads) {
    return new ApproximateIndexOptions(maxDegree, constructionBeam, alpha, neighborOverflow, hierarchy, searchBeam, threads, search);
  }

  public ApproximateIndexOptions withSearch(GraphSearch way) {
    return new ApproximateIndexOptions(maxDegree, constructionBeam, alpha, neighborOverflow, hierarchy, searchBeam, buildThreads, way);
  }
}
