package org.nightjar.models.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.nightjar.models.artifact.ArtifactModel;
import org.nightjar.models.artifact.LatentClusters;
import org.nightjar.models.anomaly.AnomalyCalibration;
import org.nightjar.models.figures.Figures;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.Survey;

/**
 * Writes a report folder from scored alerts: {@value #PAGE}, the map and distribution PNGs beside
 * it, and the stamp strips under {@value StampStrips#FOLDER}/. The page needs neither a network
 * nor scripts.
 *
 * <p>Not thread-safe; one call writes one folder.
 */
public final class Report {

  public static final String PAGE = "index.html";

  static {
    Figures.headless();
  }

  private Report() {}

  /**
   * @param packets where the alerts' and their neighbours' packets are, for the stamps
   * @return what the page shows
   */
  public static ReportContents write(ReportModels models, ReportScoring.Result scored, PacketFiles packets,
      AlertCodec codec, ReportSettings settings, Path folder) throws IOException {
    Files.createDirectories(folder);
    StampStrips strips = new StampStrips(folder, codec, models.preprocessor(), packets);
    List<ReportAlert> alerts = scored.alerts();

    LatentMap map = LatentMap.of(models.references().surveys(),
        s -> models.artifact().flatMap(a -> a.of(s)).map(ArtifactModel::clusters), alerts, settings.maxMapPoints(),
        settings.seed());
    if (!map.isEmpty()) {
      LatentMapFigures.write(map, folder);
    }
    Map<Survey, AnomalyCalibration.Table> tables = models.calibration().tables();
    DistributionFigures.write(scored, tables, folder);

    Gallery most = anomalyGallery("most-anomalous", "The " + settings.galleryRows() + " most anomalous alerts",
        AnomalyRanking.most(alerts, settings.galleryRows()), strips);
    Gallery least = anomalyGallery("least-anomalous", "The " + settings.galleryRows() + " least anomalous alerts",
        AnomalyRanking.least(alerts, settings.galleryRows()), strips);
    List<Gallery.Cluster> clusters = clusterGalleries(models, alerts, settings.clusterMembers(), strips);
    List<ReportAlert> unranked = alerts.stream().filter(a -> a.hasAnomaly() && a.percentile().isEmpty()).toList();

    ReportContents contents = new ReportContents(scored, map, most, least, clusters, unranked);
    Files.writeString(folder.resolve(PAGE), ReportPage.html(models, contents, tables), StandardCharsets.UTF_8);
    return contents;
  }

  private static Gallery anomalyGallery(String id, String title, List<ReportAlert> alerts, StampStrips strips)
      throws IOException {
    List<Gallery.Row> rows = new ArrayList<>();
    for (ReportAlert a : alerts) {
      List<Gallery.Neighbour> neighbours = new ArrayList<>();
      for (var n : a.neighbours()) {
        neighbours.add(new Gallery.Neighbour(n.getAlertId(), n.getObjectId() == null ? "" : n.getObjectId(),
            n.getDistance(), strips.strip(n.getAlertId(), StampStrips.View.MODEL_SMALL)));
      }
      rows.add(row(a, strips, neighbours));
    }
    return new Gallery(id, title, rows);
  }

  private static Gallery.Row row(ReportAlert a, StampStrips strips, List<Gallery.Neighbour> neighbours)
      throws IOException {
    return new Gallery.Row(a, strips.strip(a.alertId(), StampStrips.View.MODEL),
        strips.strip(a.alertId(), StampStrips.View.LINEAR), List.copyOf(neighbours));
  }

  /**
   * Per survey and cluster with at least one of the report's alerts, the members nearest the
   * centroid (the cluster's most typical), with the cluster's size among the references.
   */
  private static List<Gallery.Cluster> clusterGalleries(ReportModels models, List<ReportAlert> alerts, int members,
      StampStrips strips) throws IOException {
    Map<Survey, Map<Integer, List<ReportAlert>>> byCluster = new EnumMap<>(Survey.class);
    for (ReportAlert a : alerts) {
      a.cluster().ifPresent(c -> byCluster.computeIfAbsent(a.survey(), s -> new TreeMap<>())
          .computeIfAbsent(c, k -> new ArrayList<>()).add(a));
    }
    List<Gallery.Cluster> out = new ArrayList<>();
    for (var survey : byCluster.entrySet()) {
      Optional<LatentClusters> clusters = models.artifact().flatMap(m -> m.of(survey.getKey()))
          .map(ArtifactModel::clusters);
      for (var cluster : survey.getValue().entrySet()) {
        List<ReportAlert> in = cluster.getValue();
        List<ReportAlert> typical = in.stream()
            .sorted(Comparator.comparingDouble((ReportAlert a) -> a.centroidDistance().orElse(Double.MAX_VALUE))
                .thenComparingLong(ReportAlert::alertId))
            .limit(members).toList();
        List<Gallery.Row> rows = new ArrayList<>();
        for (ReportAlert a : typical) {
          rows.add(new Gallery.Row(a, strips.strip(a.alertId(), StampStrips.View.MODEL_SMALL), Optional.empty(),
              List.of()));
        }
        OptionalDouble meanRealBogus = in.stream().filter(a -> a.realBogus().isPresent())
            .mapToDouble(a -> a.realBogus().getAsDouble()).average();
        int references = clusters.filter(c -> cluster.getKey() < c.k()).map(c -> c.sizes()[cluster.getKey()]).orElse(0);
        String id = "cluster-" + survey.getKey().name().toLowerCase(java.util.Locale.ROOT) + "-" + cluster.getKey();
        out.add(new Gallery.Cluster(survey.getKey(), cluster.getKey(), references, in.size(), meanRealBogus,
            new Gallery(id, survey.getKey() + " cluster " + cluster.getKey(), rows)));
      }
    }
    return out;
  }
}
