package org.nightjar.models.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Function;
import org.nightjar.models.anomaly.SurveyReferences;
import org.nightjar.models.artifact.LatentClusters;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.Tag;
import tagbio.umap.Umap;

/**
 * A 2-D UMAP of the search space (the latent vector plus the rank-normalised stamp descriptors,
 * the vectors the anomaly stage compares): the bundle's reference alerts together with the
 * report's alerts. At most {@code maxPoints} points, so that UMAP stays fast: when there are more,
 * a seeded random subset of each is kept (references give way first, down to half the budget).
 *
 * @param points the map, references first
 */
public record LatentMap(List<MapPoint> points, int referencesTotal, int referencesShown, int alertsTotal,
    int alertsShown) {

  /** UMAP's neighbourhood size (its default); smaller sets use one less than their size. */
  static final int NEIGHBOURS = 15;

  /** Fewer points than this make no map. */
  static final int MIN_POINTS = 4;

  /**
   * @param clusters per survey, the clusters its references are assigned to (may be empty)
   */
  public static LatentMap of(Map<Survey, SurveyReferences> references, Function<Survey, Optional<LatentClusters>> clusters,
      List<ReportAlert> alerts, int maxPoints, long seed) {
    List<float[]> refVectors = new ArrayList<>();
    List<MapPoint> refPoints = new ArrayList<>();
    references.forEach((survey, refs) -> {
      Optional<LatentClusters> c = clusters.apply(survey);
      for (int i = 0; i < refs.size(); i++) {
        float[] v = refs.vectors()[i];
        refVectors.add(v);
        refPoints.add(new MapPoint(0, 0, true, survey, refs.alertIds()[i], c.map(k -> k.assign(v).cluster()),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), false));
      }
    });
    List<ReportAlert> embedded = alerts.stream().filter(a -> a.searchVector().isPresent()).toList();
    int refBudget = Math.min(refPoints.size(), Math.max(maxPoints / 2, maxPoints - embedded.size()));
    int alertBudget = Math.min(embedded.size(), maxPoints - refBudget);
    Random random = new Random(seed);
    int[] refKept = subset(refPoints.size(), refBudget, random);
    int[] alertKept = subset(embedded.size(), alertBudget, random);

    List<MapPoint> points = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i : refKept) {
      points.add(refPoints.get(i));
      vectors.add(refVectors.get(i));
    }
    for (int i : alertKept) {
      ReportAlert a = embedded.get(i);
      points.add(new MapPoint(0, 0, false, a.survey(), a.alertId(), a.cluster(), optional(a.percentile()),
          a.realBogus(), optional(a.pStar()), a.tagged(Tag.ANOMALY)));
      vectors.add(a.searchVector().get());
    }
    if (points.size() < MIN_POINTS) {
      return new LatentMap(List.of(), refPoints.size(), 0, embedded.size(), 0);
    }
    float[][] xy = project(vectors.toArray(new float[0][]), seed);
    List<MapPoint> placed = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      MapPoint p = points.get(i);
      placed.add(new MapPoint(xy[i][0], xy[i][1], p.reference(), p.survey(), p.alertId(), p.cluster(), p.percentile(),
          p.realBogus(), p.pStar(), p.taggedAnomaly()));
    }
    return new LatentMap(List.copyOf(placed), refPoints.size(), refKept.length, embedded.size(), alertKept.length);
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  /** UMAP to two dimensions, seeded and on one thread, so the same input gives the same map. */
  static float[][] project(float[][] vectors, long seed) {
    Umap umap = new Umap();
    umap.setNumberComponents(2);
    umap.setNumberNearestNeighbours(Math.min(NEIGHBOURS, vectors.length - 1));
    umap.setSeed(seed);
    umap.setThreads(1);
    umap.setVerbose(false);
    return umap.fitTransform(vectors);
  }

  /** {@code k} of {@code 0..n-1} drawn without replacement, ascending; all when {@code k >= n}. */
  static int[] subset(int n, int k, Random random) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (k >= n) {
      return all;
    }
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] kept = Arrays.copyOf(all, k);
    Arrays.sort(kept);
    return kept;
  }

  private static OptionalDouble optional(Optional<Double> v) {
    return v.isPresent() && v.get() != null ? OptionalDouble.of(v.get()) : OptionalDouble.empty();
  }
}
