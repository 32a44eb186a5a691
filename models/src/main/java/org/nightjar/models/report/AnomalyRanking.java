package org.nightjar.models.report;

import java.util.Comparator;
import java.util.List;

/**
 * The order of the anomaly galleries: by percentile (comparable across surveys), ties (such as
 * many alerts at 100) broken by the score itself, then by alert id so the order is total. Only
 * alerts with a percentile are ranked.
 */
final class AnomalyRanking {

  /** Least anomalous first. */
  static final Comparator<ReportAlert> ASCENDING = Comparator
      .<ReportAlert>comparingDouble(a -> a.percentile().orElseThrow())
      .thenComparingDouble(a -> a.anomalyScore().orElseThrow())
      .thenComparingLong(ReportAlert::alertId);

  private AnomalyRanking() {}

  static List<ReportAlert> ranked(List<ReportAlert> alerts) {
    return alerts.stream().filter(a -> a.percentile().isPresent()).sorted(ASCENDING).toList();
  }

  /** The {@code n} most anomalous, most anomalous first. */
  static List<ReportAlert> most(List<ReportAlert> alerts, int n) {
    List<ReportAlert> ranked = ranked(alerts);
    List<ReportAlert> top = new java.util.ArrayList<>(ranked.subList(Math.max(0, ranked.size() - n), ranked.size()));
    java.util.Collections.reverse(top);
    return top;
  }

  /** The {@code n} least anomalous, least anomalous first. */
  static List<ReportAlert> least(List<ReportAlert> alerts, int n) {
    List<ReportAlert> ranked = ranked(alerts);
    return ranked.subList(0, Math.min(n, ranked.size()));
  }
}
