package org.nightjar.models.artifact;

import java.util.List;
import org.nightjar.models.Scorer;
import org.nightjar.models.StageFactory;
import org.nightjar.models.StageSettings;
import org.nightjar.models.anomaly.AnomalyScorer;
import org.nightjar.models.autoencoder.EmbeddingScorer;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;

/**
 * Stage {@value ArtifactScorer#STAGE}: the clusters and artifact regression of the bundle; tags
 * ARTIFACT above {@code artifact.tag.probability}. The default 0.5 is the decision point of a
 * calibrated probability: an alert is tagged when an artifact is more likely than not.
 */
public final class ArtifactStage implements StageFactory {

  public static final String TAG_PROBABILITY = "artifact.tag.probability";
  public static final double DEFAULT_TAG_PROBABILITY = 0.5;

  @Override
  public String stage() {
    return ArtifactScorer.STAGE;
  }

  @Override
  public List<String> requires() {
    return List.of(EmbeddingScorer.STAGE, AnomalyScorer.STAGE);
  }

  @Override
  public List<String> components() {
    return List.of(ArtifactModels.CLUSTERS, ArtifactModels.REGRESSION);
  }

  @Override
  public Scorer create(ModelBundle bundle, StageSettings settings) throws BundleException {
    double tag = settings.doubleValue(TAG_PROBABILITY, DEFAULT_TAG_PROBABILITY, 0, 1);
    return new ArtifactScorer(ArtifactModels.load(bundle), tag);
  }
}
