package org.nightjar.models.index;

/**
 * How {@link ExactLatentIndex} cuts the work into matrix products: {@code chunkRows} reference
 * rows against {@code queryBlock} queries at a time. The product's result, {@code queryBlock ×
 * chunkRows} floats, is scanned right after it is computed, so it should stay in the core's L2
 * cache; the defaults (256 × 2048, a 2 MB result) were the fastest of the sizes tried on one core
 * at 100,000 × 64 (see {@link IndexBenchmark}).
 */
public record ExactIndexOptions(int chunkRows, int queryBlock) {

  public ExactIndexOptions {
    if (chunkRows < 1 || queryBlock < 1) {
      throw new IllegalArgumentException("chunkRows and queryBlock must be positive, got " + chunkRows + ", " + queryBlock);
    }
  }

  public static ExactIndexOptions defaults() {
    return new ExactIndexOptions(2048, 256);
  }
}
