package org.nightjar.models.stargal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nightjar.models.Scorer;
import org.nightjar.models.ScoringContext;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.StarGalaxyScore;
import org.nightjar.schemas.avro.Tag;

/**
 * Stage {@code xd}: for each alert of the batch, picks the model made for the alert's survey (an
 * alert of a survey without one gets no star/galaxy section: never another survey's model),
 * measures the morphology features of that model,
 * computes P(star) under the XD prior with the alert's own noise covariance, and records
 * {@code StarGalaxyScore(pStar, 1 - pStar, features)}, where the feature map holds the measured
 * values and, under {@code <name>_posterior}, their deconvolved (posterior mean) values. Tags STAR
 * when P(star) reaches the model's threshold and GALAXY when it is at most 1 - threshold.
 *
 * <p>An alert whose primary feature cannot be measured (no template stamp, all pixels NaN, no
 * source detected) gets no star/galaxy section; one whose template stamp is corrupt is rejected
 * with the decoder's reason. Rejected alerts of earlier stages are skipped.
 *
 * <p>Thread-safe: the models are immutable and the scorer keeps no state between batches.
 */
public final class StarGalaxyScorer implements Scorer {

  public static final String STAGE = "xd";

  private final Map<Survey, StarGalaxyModel> models;

  /** A scorer with the given model, for its survey's alerts only. */
  public StarGalaxyScorer(StarGalaxyModel model) {
    this(Map.of(model.survey(), model));
  }

  /**
   * A scorer with one model per survey.
   *
   * @throws IllegalArgumentException when a model is keyed under another survey than its own
   */
  public StarGalaxyScorer(Map<Survey, StarGalaxyModel> models) {
    EnumMap<Survey, StarGalaxyModel> copy = new EnumMap<>(Survey.class);
    models.forEach((survey, model) -> {
      if (model.survey() != survey) {
        throw new IllegalArgumentException("a " + model.survey() + " model cannot score " + survey + " alerts");
      }
      copy.put(survey, model);
    });
    this.models = Collections.unmodifiableMap(copy);
  }

  /** The ZTF model (the one every bundle with this stage has). */
  public StarGalaxyModel model() {
    return models.get(Survey.ZTF);
  }

  /** The model of each survey this scorer scores. */
  public Map<Survey, StarGalaxyModel> models() {
    return models;
  }

  @Override
  public String stage() {
    return STAGE;
  }

  @Override
  public void score(List<ScoringContext> batch) {
    for (ScoringContext ctx : batch) {
      if (ctx.isRejected()) {
        continue;
      }
      StarGalaxyModel model = models.get(ctx.alert().survey());
      if (model == null) {
        continue;
      }
      Optional<StarGalaxyFeatureSet.Vector> v;
      try {
        v = model.features().extract(ctx.alert());
      } catch (AlertDecodeException e) {
        ctx.reject(e.reason(), STAGE, e.getClass().getName(), e.getMessage());
        continue;
      }
      if (v.isEmpty()) {
        continue;
      }
      StarGalaxyModel.Classification c = model.classify(v.get());
      Map<String, Double> features = new LinkedHashMap<>(model.features().named(v.get()));
      double[] post = c.posteriorMean();
      for (int a = 0; a < post.length; a++) {
        features.put(model.features().features().get(a).featureName() + "_posterior", post[a]);
      }
      double pStar = c.pStar();
      ctx.setStarGalaxy(StarGalaxyScore.newBuilder().setPStar(pStar).setPGalaxy(1.0 - pStar)
          .setFeatures(features).build());
      if (model.isStar(pStar)) {
        ctx.tag(Tag.STAR);
      } else if (model.isGalaxy(pStar)) {
        ctx.tag(Tag.GALAXY);
      }
    }
  }
}
