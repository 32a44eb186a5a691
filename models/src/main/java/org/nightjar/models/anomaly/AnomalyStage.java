package org.nightjar.models.anomaly;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nightjar.models.Scorer;
import org.nightjar.models.StageFactory;
import org.nightjar.models.StageSettings;
import org.nightjar.models.autoencoder.EmbeddingScorer;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.index.IndexKind;
import org.nightjar.schemas.Survey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage {@value AnomalyScorer#STAGE}: the reference set and calibration of the bundle, searched by
 * the index {@code index.kind} (exact, approximate or clustered) with {@code anomaly.k} neighbours; tags
 * ANOMALY above percentile {@code anomaly.tag.percentile}; {@code anomaly.novelty.window} recent
 * alerts per survey for the online novelty score (0, the default: off).
 */
public final class AnomalyStage implements StageFactory {

  public static final String INDEX_KIND = "index.kind";
  /** Setting: lists an {@code index.kind=clustered} search scans per alert (0 = the index's default). */
  public static final String INDEX_PROBES = "index.probes";
  public static final String K = "anomaly.k";
  public static final String TAG_PERCENTILE = "anomaly.tag.percentile";
  public static final String NOVELTY_WINDOW = "anomaly.novelty.window";
  public static final int DEFAULT_K = 5;
  public static final double DEFAULT_TAG_PERCENTILE = 99.5;

  private static final Logger LOG = LoggerFactory.getLogger(AnomalyStage.class);

  @Override
  public String stage() {
    return AnomalyScorer.STAGE;
  }

  @Override
  public List<String> requires() {
    return List.of(EmbeddingScorer.STAGE);
  }

  @Override
  public List<String> components() {
    return List.of(ReferenceSet.COMPONENT, AnomalyCalibration.COMPONENT);
  }

  @Override
  public Scorer create(ModelBundle bundle, StageSettings settings) throws BundleException {
    IndexKind kind = IndexKind.parse(settings.choice(INDEX_KIND, "exact", "exact", "approximate", "clustered"));
    int probes = settings.intValue(INDEX_PROBES, 0, 0, 1_000_000);
    int k = settings.intValue(K, DEFAULT_K, 1, 100);
    double tag = settings.doubleValue(TAG_PERCENTILE, DEFAULT_TAG_PERCENTILE, 0, 100);
    int noveltyWindow = settings.intValue(NOVELTY_WINDOW, 0, 0, 10_000_000);
    ReferenceSet references = ReferenceSet.load(bundle);
    AnomalyCalibration calibration = AnomalyCalibration.load(bundle);
    Map<Survey, SurveyNeighbours> neighbours = new EnumMap<>(Survey.class);
    Map<Survey, AnomalyCalibration.Table> tables = new EnumMap<>(Survey.class);
    for (Map.Entry<Survey, SurveyReferences> e : references.surveys().entrySet()) {
      SurveyNeighbours n = new SurveyNeighbours(e.getValue(), kind.build(e.getValue().vectors(), probes));
      neighbours.put(e.getKey(), n);
      Optional<AnomalyCalibration.Table> stored = calibration.of(e.getKey());
      if (stored.isPresent() && stored.get().k() == k) {
        tables.put(e.getKey(), stored.get());
      } else {
        // The stored table belongs to another k: percentiles must come from the same score.
        LOG.info("{}: calibrating anomaly percentiles for k={} over {} references", e.getKey(), k, e.getValue().size());
        tables.put(e.getKey(), AnomalyCalibration.Table.of(k, n.leaveOneObjectOutScores(k)));
      }
    }
    LOG.info("anomaly: {} index, k={}, references {}", kind.name().toLowerCase(java.util.Locale.ROOT), k,
        references.surveys().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList());
    if (noveltyWindow > 0) {
      LOG.info("anomaly: novelty against the last {} scored alerts of each survey (in memory)", noveltyWindow);
    }
    return new AnomalyScorer(references.space(), neighbours, tables, k, tag, noveltyWindow);
  }
}
