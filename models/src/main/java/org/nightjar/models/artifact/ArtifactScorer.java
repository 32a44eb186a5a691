package org.nightjar.models.artifact;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nightjar.models.BatchParallelism;
import org.nightjar.models.Scorer;
import org.nightjar.models.ScoringContext;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.avro.ArtifactScore;
import org.nightjar.schemas.avro.Tag;

/**
 * Stage {@code artifact}: assigns every alert the {@code anomaly} stage searched with to the
 * nearest cluster of its survey's references (in the same search space) and, from the
 * reconstruction error, the distance to that centroid, the kNN score, the bogusness of the
 * nearest references, the stamp descriptors, the statistics of the whole stamps and the cluster,
 * gives P(artifact). Tags ARTIFACT above the configured probability.
 *
 * <p>An alert of a survey without an artifact model, or without references (and so no anomaly
 * score), keeps only the reconstruction error.
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
    // Per alert and independent (each alert touches only its own context; the models are read
    // only): a large batch is spread over the cores.
    BatchParallelism.indices(batch.size()).forEach(i -> scoreOne(batch.get(i)));
  }

  private void scoreOne(ScoringContext ctx) {
    if (ctx.isRejected() || ctx.searchVector().isEmpty()) {
      return;
    }
    Optional<ArtifactModel> model = models.of(ctx.alert().survey());
    if (model.isEmpty()) {
      return;
    }
    double error = ctx.reconstructionError().orElseThrow();
    LatentClusters.Assignment a = model.get().clusters().assign(ctx.searchVector().get());
    Optional<Double> p = Optional.empty();
    if (ctx.anomaly().isPresent() && ctx.neighbourhood().isPresent()) {
      double[] statistics;
      try {
        statistics = DifferenceStatistics.of(ctx.alert());
      } catch (AlertDecodeException e) {
        ctx.reject(e.reason(), STAGE, e.getClass().getName(), e.getMessage());
        return;
      }
      p = model.get().probability(error, a, ctx.anomaly().get().getScore(), ctx.neighbourhood().get(),
          ctx.descriptors(), statistics);
    }
    ctx.setArtifact(ArtifactScore.newBuilder().setReconstructionError(error).setCluster(a.cluster())
        .setCentroidDistance(a.distance()).setProbability(p.orElse(null)).build());
    if (p.isPresent() && p.get() > tagProbability) {
      ctx.tag(Tag.ARTIFACT);
    }
  }
}
