package org.nightjar.models.artifact;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nightjar.models.Scorer;
import org.nightjar.models.ScoringContext;
import org.nightjar.schemas.avro.AnomalyScore;
import org.nightjar.schemas.avro.ArtifactScore;
import org.nightjar.schemas.avro.Tag;

/**
 * Stage {@code artifact}: assigns every embedded alert to the nearest cluster of its survey's
 * reference embeddings and, from the reconstruction error, the distance to that centroid, the
 * cluster and the kNN score of the {@code anomaly} stage, gives P(artifact). Tags ARTIFACT above
 * the configured probability.
 *
 * <p>An alert of a survey without an artifact model keeps only the reconstruction error; one
 * without an anomaly score (no references for its survey) gets a cluster but no probability.
 *
 * <p>Thread-safe: the models are immutable.
 */
public final class ArtifactScorer implements Scorer {

  public static final String STAGE = "artifact";

  private final ArtifactModels models;
  private final double tagProbability;

  public ArtifactScorer(ArtifactModels models, double tagProbability) {
    this.models = Objects.requireNonNull(models, "models");
    this.tagProbability = tagProbability;
  }

  @Override
  public String stage() {
    return STAGE;
  }

  @Override
  public void score(List<ScoringContext> batch) {
    for (ScoringContext ctx : batch) {
      if (ctx.isRejected() || ctx.embedding().isEmpty()) {
        continue;
      }
      Optional<ArtifactModel> model = models.of(ctx.alert().survey());
      if (model.isEmpty()) {
        continue;
      }
      double error = ctx.reconstructionError().orElseThrow();
      LatentClusters.Assignment a = model.get().clusters().assign(ctx.embedding().get());
      Optional<Double> p = ctx.anomaly().map(AnomalyScore::getScore)
          .flatMap(knn -> model.get().probability(error, a, knn));
      ctx.setArtifact(ArtifactScore.newBuilder().setReconstructionError(error).setCluster(a.cluster())
          .setCentroidDistance(a.distance()).setProbability(p.orElse(null)).build());
      if (p.isPresent() && p.get() > tagProbability) {
        ctx.tag(Tag.ARTIFACT);
      }
    }
  }
}
