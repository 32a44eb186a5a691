package org.nightjar.models.index;

/** Recall@k: the share of the exact k nearest rows that another answer also returned. */
public final class Recall {

  private Recall() {}

  /** Mean over queries of |exact ∩ found| / |exact|; both answers to the same queries. */
  public static double of(Neighbourhoods exact, Neighbourhoods found) {
    if (exact.queries() != found.queries()) {
      throw new IllegalArgumentException("answers to " + exact.queries() + " and " + found.queries() + " queries");
    }
    if (exact.queries() == 0) {
      return 1.0;
    }
    double sum = 0.0;
    for (int q = 0; q < exact.queries(); q++) {
      int hits = 0;
      for (int want : exact.rows()[q]) {
        for (int got : found.rows()[q]) {
          if (got == want) {
            hits++;
            break;
          }
        }
      }
      sum += exact.rows()[q].length == 0 ? 1.0 : (double) hits / exact.rows()[q].length;
    }
    return sum / exact.queries();
  }
}
