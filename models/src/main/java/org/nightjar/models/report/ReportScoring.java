package org.nightjar.models.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;
import org.nightjar.models.ScoringContext;
import org.nightjar.models.ScoringException;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.ScoringResult;
import org.nightjar.models.artifact.WeakLabel;
import org.nightjar.models.evaluation.InjectedAnomaly;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.avro.AlertScores;

/**
 * Scores the report's alert files through the pipeline the stream uses, in batches, keeping for
 * each alert the search vector its anomaly stage computed (read off the scoring context, so no
 * stage runs twice) and its survey's real/bogus score. Damaged copies of the first alerts (every
 * {@link InjectedAnomaly}) go through the same batches, for the score distributions.
 */
public final class ReportScoring {

  /** A file that gave no scored alert, and why. */
  public record Skipped(Path file, String reason) {}

  /** A damaged copy of one of the alerts, as scored. */
  public record Injected(InjectedAnomaly kind, AlertScores scores) {}

  /** What the scoring gave, in file order. */
  public record Result(List<ReportAlert> alerts, List<Injected> injected, List<Skipped> skipped, int files) {

    /** Scored alerts without an anomaly section (no stamps, or a survey without references). */
    public List<ReportAlert> withoutAnomaly() {
      return alerts.stream().filter(a -> !a.hasAnomaly()).toList();
    }
  }

  private final ScoringPipeline pipeline;
  private final AlertCodec codec;
  private final int batchSize;
  private final int injectedAlerts;

  /**
   * @param injectedAlerts how many of the first alerts with stamps get damaged copies (0: none)
   */
  public ReportScoring(ScoringPipeline pipeline, AlertCodec codec, int batchSize, int injectedAlerts) {
    if (batchSize < 1 || injectedAlerts < 0) {
      throw new IllegalArgumentException("batch size must be positive and injected alerts not negative");
    }
    this.pipeline = pipeline;
    this.codec = codec;
    this.batchSize = batchSize;
    this.injectedAlerts = injectedAlerts;
  }

  /**
   * @param progress told how many files are done after each batch
   * @throws ScoringException when a stage fails for a whole batch
   */
  public Result score(List<Path> files, IntConsumer progress) throws ScoringException {
    Batch batch = new Batch();
    List<ReportAlert> alerts = new ArrayList<>();
    List<Injected> injected = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    int damaged = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      Alert alert;
      try {
        alert = codec.decode(AlertFiles.read(file));
      } catch (AlertDecodeException e) {
        skipped.add(new Skipped(file, "undecodable (" + e.reason().code() + "): " + e.getMessage()));
        continue;
      } catch (IOException e) {
        skipped.add(new Skipped(file, "unreadable: " + e.getMessage()));
        continue;
      }
      batch.add(alert, file, Optional.empty());
      if (damaged < injectedAlerts && damage(alert, file, batch)) {
        damaged++;
      }
      if (batch.size() >= batchSize) {
        flush(batch, alerts, injected, skipped);
        progress.accept(i + 1);
      }
    }
    flush(batch, alerts, injected, skipped);
    progress.accept(files.size());
    return new Result(List.copyOf(alerts), List.copyOf(injected), List.copyOf(skipped), files.size());
  }

  /** Adds one damaged copy per kind; false when the alert lacks a stamp or one is corrupt. */
  private static boolean damage(Alert alert, Path file, Batch batch) {
    List<Alert> copies = new ArrayList<>();
    List<InjectedAnomaly> kinds = new ArrayList<>();
    try {
      for (InjectedAnomaly kind : InjectedAnomaly.values()) {
        Optional<Alert> copy = kind.apply(alert);
        if (copy.isEmpty()) {
          return false;
        }
        copies.add(copy.get());
        kinds.add(kind);
      }
    } catch (AlertDecodeException e) {
      return false; // the real alert is dead-lettered by the stamp inspection and says why
    }
    for (int k = 0; k < copies.size(); k++) {
      batch.add(copies.get(k), file, Optional.of(kinds.get(k)));
    }
    return true;
  }

  private void flush(Batch batch, List<ReportAlert> alerts, List<Injected> injected, List<Skipped> skipped)
      throws ScoringException {
    if (batch.size() == 0) {
      return;
    }
    List<Optional<float[]>> vectors = new ArrayList<>(batch.size());
    List<ScoringResult> results = pipeline.score(batch.alerts, ctx -> vectors.add(ctx.searchVector()));
    for (int i = 0; i < results.size(); i++) {
      ScoringResult r = results.get(i);
      Optional<InjectedAnomaly> kind = batch.kinds.get(i);
      if (r instanceof ScoringResult.Scored s) {
        if (kind.isPresent()) {
          injected.add(new Injected(kind.get(), s.scores()));
        } else {
          alerts.add(new ReportAlert(batch.files.get(i), s.scores(), vectors.get(i), realBogus(s.alert())));
        }
      } else if (r instanceof ScoringResult.Rejected rejected && kind.isEmpty()) {
        ScoringContext.Rejection why = rejected.rejection();
        skipped.add(new Skipped(batch.files.get(i),
            "rejected at stage " + why.stage() + " (" + why.reason().code() + "): " + why.message()));
      }
    }
    batch.clear();
  }

  /** The survey's own real/bogus score of the alert, when finite. */
  static OptionalDouble realBogus(Alert alert) {
    Optional<WeakLabel> label = WeakLabel.of(alert.survey());
    if (label.isEmpty()) {
      return OptionalDouble.empty();
    }
    OptionalDouble v = alert.number(label.get().field());
    return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v : OptionalDouble.empty();
  }

  /** Alerts waiting to be scored, with their files and (for damaged copies) their damage. */
  private static final class Batch {
    final List<Alert> alerts = new ArrayList<>();
    final List<Path> files = new ArrayList<>();
    final List<Optional<InjectedAnomaly>> kinds = new ArrayList<>();

    void add(Alert alert, Path file, Optional<InjectedAnomaly> kind) {
      alerts.add(alert);
      files.add(file);
      kinds.add(kind);
    }

    int size() {
      return alerts.size();
    }

    void clear() {
      alerts.clear();
      files.clear();
      kinds.clear();
    }
  }
}
