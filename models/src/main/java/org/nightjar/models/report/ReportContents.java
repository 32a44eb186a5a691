package org.nightjar.models.report;

import java.util.List;

/**
 * Everything one report shows, as written: the scoring, the map and the galleries. Tests and
 * callers read the page's content from here rather than from its HTML.
 *
 * @param unranked scored alerts with an anomaly section but no percentile (their survey has no
 *     calibration), left out of the anomaly galleries
 */
public record ReportContents(ReportScoring.Result scored, LatentMap map, Gallery mostAnomalous,
    Gallery leastAnomalous, List<Gallery.Cluster> clusters, List<ReportAlert> unranked) {}
