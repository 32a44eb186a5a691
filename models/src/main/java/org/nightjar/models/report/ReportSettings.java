package org.nightjar.models.report;

/**
 * The sizes of a report.
 *
 * @param galleryRows alerts in each of the most and least anomalous galleries
 * @param clusterMembers alerts shown per cluster
 * @param maxMapPoints points of the UMAP map at most (references and alerts together)
 * @param seed of the map's subsets and of UMAP
 */
public record ReportSettings(int galleryRows, int clusterMembers, int maxMapPoints, long seed) {

  public ReportSettings {
    if (galleryRows < 1 || clusterMembers < 1 || maxMapPoints < LatentMap.MIN_POINTS) {
      throw new IllegalArgumentException("gallery rows and cluster members must be positive, map points at least "
          + LatentMap.MIN_POINTS);
    }
  }

  /** 16 rows per anomaly gallery, 8 members per cluster, 3,000 map points, seed 7. */
  public static ReportSettings defaults() {
    return new ReportSettings(16, 8, 3000, 7);
  }
}
