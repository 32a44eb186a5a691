package org.nightjar.models.index;

/**
 * How {@link ExactLatentIndex} cuts the work into matrix products: {@code chunkRows} reference
 * rows against {@code queryBlock} queries at a time, giving a {@code chunkRows × queryBlock}
 * float product that is scanned right after it is computed. Larger products amortise the cost of
 * a call better, smaller ones stay closer in cache; on one core at 100,000 × 64 every size tried
 * (512 to 4,096 rows by 128 to 512 queries) ran within 10 % of the defaults, 2,048 × 256 (a 2 MB
 * product), which is bounded memory whatever the number of rows.
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
