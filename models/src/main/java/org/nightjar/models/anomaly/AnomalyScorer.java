package org.nightjar.models.anomaly;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nightjar.models.Scorer;
import org.nightjar.models.ScoringContext;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.AnomalyScore;
import org.nightjar.schemas.avro.Neighbour;
import org.nightjar.schemas.avro.Tag;

/**
 * Stage {@code anomaly}: for every alert of the batch that the {@code embed} stage embedded, the
 * median L2 distance, in the reference set's {@link SearchSpace} (latent vector and stamp
 * descriptors), to its k nearest references of the same survey, the percentile of
 * that score among the references, and the neighbours themselves (alert id, object id, distance)
 * as the explanation. Tags ANOMALY above the configured percentile. All queries of one survey in
 * a batch go to the index as one search.
 *
 * <p>An alert without an embedding (no stamps), or of a survey without references, gets no
 * anomaly section: it is never compared with another survey's alerts.
 *
 * <p>With a novelty window, each alert is also compared with its survey's most recently scored
 * alerts ({@link RecentAlerts}), a second score that no reference set gives: unlike anything
 * tonight. It depends on the order alerts arrive in and starts afresh after a restart, so it is
 * off by default and never tags.
 *
 * <p>Thread-safe: immutable references and calibration, concurrent index searches, and windows
 * that lock.
 */
public final class AnomalyScorer implements Scorer {

  public static final String STAGE = "anomaly";
  /**
   * Nearest references searched for and kept in the context whatever {@code k} is: the artifact
   * stage weighs what the references around an alert were judged to be over a wider
   * neighbourhood than the anomaly score's five.
   */
  public static final int NEIGHBOURHOOD = 25;

  private final SearchSpace space;
  private final Map<Survey, SurveyNeighbours> neighbours;
  private final Map<Survey, AnomalyCalibration.Table> calibration;
  private final int k;
  private final double tagPercentile;
  private final Map<Survey, RecentAlerts> recent;

  /**
   * @param calibration per survey, tables made with the same {@code k}; a survey without one gets
   *     a score and neighbours but no percentile (and so no tag)
   */
  public AnomalyScorer(SearchSpace space, Map<Survey, SurveyNeighbours> neighbours,
      Map<Survey, AnomalyCalibration.Table> calibration, int k, double tagPercentile) {
    this(space, neighbours, calibration, k, tagPercentile, 0);
  }

  /**
   * @param noveltyWindow recent alerts per survey kept for the novelty score (see {@link
   *     RecentAlerts}); 0 turns it off
   */
  public AnomalyScorer(SearchSpace space, Map<Survey, SurveyNeighbours> neighbours,
      Map<Survey, AnomalyCalibration.Table> calibration, int k, double tagPercentile, int noveltyWindow) {
    this.space = Objects.requireNonNull(space, "space");
    this.neighbours = new EnumMap<>(Objects.requireNonNull(neighbours, "neighbours"));
    this.calibration = new EnumMap<>(Survey.class);
    this.calibration.putAll(calibration);
    this.calibration.forEach((s, t) -> {
      if (t.k() != k) {
        throw new IllegalArgumentException(s + " calibration was made for k=" + t.k() + ", not " + k);
      }
    });
    if (k < 1) {
      throw new IllegalArgumentException("k must be positive");
    }
    this.k = k;
    this.tagPercentile = tagPercentile;
    if (noveltyWindow < 0) {
      throw new IllegalArgumentException("novelty window must be >= 0");
    }
    this.recent = new EnumMap<>(Survey.class);
    if (noveltyWindow > 0) {
      neighbours.keySet().forEach(s -> recent.put(s, new RecentAlerts(noveltyWindow)));
    }
  }

  @Override
  public String stage() {
    return STAGE;
  }

  public int k() {
    return k;
  }

  @Override
  public void score(List<ScoringContext> batch) {
    Map<Survey, List<ScoringContext>> bySurvey = new EnumMap<>(Survey.class);
    for (ScoringContext ctx : batch) {
      if (!ctx.isRejected() && ctx.embedding().isPresent() && neighbours.containsKey(ctx.alert().survey())) {
        bySurvey.computeIfAbsent(ctx.alert().survey(), s -> new ArrayList<>()).add(ctx);
      }
    }
    bySurvey.forEach(this::score);
  }

  private void score(Survey survey, List<ScoringContext> contexts) {
    SurveyNeighbours refs = neighbours.get(survey);
    AnomalyCalibration.Table table = calibration.get(survey);
    float[][] queries = new float[contexts.size()][];
    long[] ids = new long[contexts.size()];
    for (int i = 0; i < queries.length; i++) {
      ScoringContext ctx = contexts.get(i);
      queries[i] = space.vector(ctx.embedding().orElseThrow(), ctx.descriptors());
      ctx.setSearchVector(queries[i]);
      ids[i] = ctx.alert().alertId();
    }
    SurveyNeighbours.Nearest[] nearest = refs.nearest(queries, ids, Math.max(k, NEIGHBOURHOOD));
    RecentAlerts tonight = recent.get(survey);
    SurveyNeighbours.Nearest[] novel = null;
    int windowSize = 0;
    if (tonight != null) {
      // Against the alerts before this batch; then this batch joins the window.
      windowSize = tonight.size();
      novel = tonight.nearest(queries, ids, k);
      tonight.add(queries, ids);
    }
    for (int i = 0; i < queries.length; i++) {
      SurveyNeighbours.Nearest wide = nearest[i];
      if (wide.rows().length == 0) {
        continue;
      }
      contexts.get(i).setNeighbourhood(new ScoringContext.Neighbourhood(
          java.util.Arrays.stream(wide.rows()).mapToLong(row -> refs.references().alertIds()[row]).toArray(),
          wide.distances()));
      SurveyNeighbours.Nearest n = wide.first(k);
      List<Neighbour> explained = new ArrayList<>(n.rows().length);
      for (int j = 0; j < n.rows().length; j++) {
        int row = n.rows()[j];
        explained.add(new Neighbour(refs.references().alertIds()[row], (double) n.distances()[j],
            refs.references().objectIds()[row]));
      }
      Double percentile = table == null ? null : table.percentile(n.score());
      ScoringContext ctx = contexts.get(i);
      AnomalyScore.Builder score = AnomalyScore.newBuilder().setScore(n.score()).setPercentile(percentile)
          .setNeighbours(explained);
      if (novel != null) {
        score.setNoveltyWindow(windowSize).setNovelty(novel[i].distances().length == k ? novel[i].score() : null);
      }
      ctx.setAnomaly(score.build());
      if (percentile != null && percentile > tagPercentile) {
        ctx.tag(Tag.ANOMALY);
      }
    }
  }
}
