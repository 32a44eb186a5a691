package org.nightjar.models.artifact;

import java.util.Objects;
import java.util.Optional;
import org.nightjar.models.ScoringContext;

/**
 * One survey's artifact model: the clusters of its reference embeddings and, where the survey has
 * a weak label to train on, the logistic regression from {@link ArtifactFeatures} to P(artifact).
 *
 * @param label what the regression was trained against, e.g. {@code drb < 0.5}
 * @param neighbourLabels the survey's real/bogus judgement of its references
 */
public record ArtifactModel(LatentClusters clusters, Optional<LogisticRegression> regression, String label,
    NeighbourLabels neighbourLabels) {

  public ArtifactModel {
    Objects.requireNonNull(clusters, "clusters");
    Objects.requireNonNull(regression, "regression");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(neighbourLabels, "neighbourLabels");
    regression.ifPresent(r -> {
      if (r.features() != ArtifactFeatures.names(clusters.k()).size()) {
        throw new IllegalArgumentException("regression of " + r.features() + " features for " + clusters.k() + " clusters");
      }
    });
  }

  /** P(artifact), or empty when this survey has no regression. */
  public Optional<Double> probability(double reconstructionError, LatentClusters.Assignment assignment, double knnScore,
      ScoringContext.Neighbourhood neighbourhood, double[] descriptors, double[] differenceStatistics) {
    double bogusness = neighbourLabels.bogusness(neighbourhood.alertIds(), neighbourhood.distances());
    return regression.map(r -> r.probability(ArtifactFeatures.of(reconstructionError, assignment, knnScore, bogusness,
        descriptors, differenceStatistics, clusters.k())));
  }
}
