package org.nightjar.models;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.avro.AlertScores;
import org.nightjar.schemas.avro.ArtifactScore;
import org.nightjar.schemas.avro.BundleRef;

/**
 * Scores micro-batches: inspects every alert's stamps, runs the configured scorers in order over
 * the alerts still in the batch, and assembles one {@link AlertScores} per alert. Used by the
 * stream and by the offline {@code score} command alike.
 *
 * <p>Thread-safe: it keeps no state between batches and its scorers are thread-safe, so one
 * pipeline serves every stream thread. It borrows the scorers; their owner ({@link
 * ScoringStages}) closes them.
 */
public final class ScoringPipeline {
  /** Stage name of the stamp inspection, in dead letters and timings. */
  public static final String CUTOUT_STAGE = "cutouts";

  private final List<Scorer> scorers;
  private final Optional<BundleRef> bundle;
  private final StageListener listener;
  private final Clock clock;

  public ScoringPipeline(ScoringStages stages, Optional<BundleRef> bundle, StageListener listener, Clock clock) {
    this(stages.scorers(), bundle, listener, clock);
  }

  /** A pipeline over scorers that the caller owns and closes. */
  public ScoringPipeline(List<Scorer> scorers, Optional<BundleRef> bundle, StageListener listener, Clock clock) {
    this.scorers = List.copyOf(scorers);
    this.bundle = Objects.requireNonNull(bundle, "bundle");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Scores one batch; the result list follows the input order.
   *
   * @throws ScoringException when a scorer fails for the whole batch
   */
  public List<ScoringResult> score(List<Alert> alerts) throws ScoringException {
    return score(alerts, ctx -> {});
  }

  /**
   * As {@link #score(List)}, and hands each alert's context, once every stage has run, to
   * {@code observer}, on the calling thread: what the stages computed beyond the output record
   * (the embedding, the search vector) without running a stage twice.
   *
   * @throws ScoringException when a scorer fails for the whole batch
   */
  public List<ScoringResult> score(List<Alert> alerts, Consumer<ScoringContext> observer) throws ScoringException {
    int n = alerts.size();
    List<ScoringContext> contexts = new ArrayList<>(n);
    List<CutoutInspector.Inspection> inspections = new ArrayList<>(n);
    Map<String, Double> stageMillis = new HashMap<>();

    long t0 = System.nanoTime();
    CutoutInspector.Inspection[] found = new CutoutInspector.Inspection[n];
    for (Alert alert : alerts) {
      contexts.add(new ScoringContext(alert));
    }
    // Inflating and parsing the stamps is the costliest step per alert and alerts are
    // independent: a large batch is spread over the cores (the caller's thread takes part).
    BatchParallelism.indices(n).forEach(i -> found[i] = inspect(contexts.get(i)));
    inspections.addAll(Arrays.asList(found));
    record(CUTOUT_STAGE, t0, n, stageMillis);

    for (Scorer scorer : scorers) {
      List<ScoringContext> live = contexts.stream().filter(c -> !c.isRejected()).toList();
      if (live.isEmpty()) {
        break;
      }
      long start = System.nanoTime();
      scorer.score(live);
      record(scorer.stage(), start, live.size(), stageMillis);
    }

    long now = clock.millis();
    List<ScoringResult> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ScoringContext ctx = contexts.get(i);
      observer.accept(ctx);
      if (ctx.isRejected()) {
        results.add(new ScoringResult.Rejected(ctx.alert(), ctx.rejection().orElseThrow()));
      } else {
        results.add(new ScoringResult.Scored(ctx.alert(), assemble(ctx, inspections.get(i), now, stageMillis), ctx.tags()));
      }
    }
    return results;
  }

  /** The stamps of one alert, or null after rejecting it. Thread-safe: touches only its context. */
  private static CutoutInspector.Inspection inspect(ScoringContext ctx) {
    try {
      return CutoutInspector.inspect(ctx.alert());
    } catch (AlertDecodeException e) {
      ctx.reject(e.reason(), CUTOUT_STAGE, e.getClass().getName(), e.getMessage());
    } catch (RuntimeException e) {
      ctx.reject(RejectReason.UNEXPECTED, CUTOUT_STAGE, e.getClass().getName(), e.getMessage());
    }
    return null;
  }

  private void record(String stage, long startNanos, int batchSize, Map<String, Double> stageMillis) {
    long nanos = System.nanoTime() - startNanos;
    listener.stageCompleted(stage, nanos, batchSize);
    // Amortised per alert: the batch's time spread over its alerts.
    stageMillis.put(stage, nanos / 1e6 / Math.max(1, batchSize));
  }

  private AlertScores assemble(ScoringContext ctx, CutoutInspector.Inspection inspection, long now, Map<String, Double> stageMillis) {
    Alert a = ctx.alert();
    ArtifactScore artifact = ctx.artifact().orElse(null);
    if (artifact == null && ctx.reconstructionError().isPresent()) {
      // The embedding stage measured the reconstruction error; clustering may not be configured.
      artifact = ArtifactScore.newBuilder().setReconstructionError(ctx.reconstructionError().getAsDouble()).build();
    }
    return AlertScores.newBuilder()
        .setAlertId(a.alertId())
        .setObjectId(a.objectId())
        .setSurvey(org.nightjar.schemas.avro.Survey.valueOf(a.survey().name()))
        .setEventTime(a.eventTime())
        .setScoredAt(java.time.Instant.ofEpochMilli(now))
        .setBand(a.band().orElse(null))
        .setRa(a.ra())
        .setDec(a.dec())
        .setBundle(bundle.orElse(null))
        .setCutouts(inspection.summaries())
        .setFlags(new ArrayList<>(inspection.flags()))
        .setAnomaly(ctx.anomaly().orElse(null))
        .setArtifact(artifact)
        .setStarGalaxy(ctx.starGalaxy().orElse(null))
        .setTags(new ArrayList<>(ctx.tags()))
        .setStageMillis(new HashMap<>(stageMillis))
        .build();
  }
}
