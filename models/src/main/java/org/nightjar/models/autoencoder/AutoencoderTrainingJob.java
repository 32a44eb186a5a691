package org.nightjar.models.autoencoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundleWriter;
import org.nightjar.models.preprocess.CutoutPreprocessor;
import org.nightjar.models.preprocess.PixelDistributionPlot;
import org.nightjar.models.preprocess.PreparedStack;
import org.nightjar.models.preprocess.PreprocessingConfig;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.Survey;
import org.nightjar.models.stargal.HoldoutSplit;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole training run behind {@code nightjar train autoencoder}: reads a folder of alert files,
 * preprocesses them, splits objects into held-out / validation / training, trains, and writes a
 * bundle directory with the autoencoder component, a manifest that records the held-out alert ids,
 * {@code loss-curve.png} and {@code pixel-distributions.png}.
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class AutoencoderTrainingJob {

  private static final Logger LOG = LoggerFactory.getLogger(AutoencoderTrainingJob.class);
  private static final int PLOT_SAMPLE = 400;

  /** What a run did. Immutable. */
  public record Summary(
      Path bundle, int filesRead, int skipped, int train, int validation, int heldOut,
      int bestEpoch, double bestValidationLoss) {}

  private final TrainingOptions options;
  private final PreprocessingConfig preprocessing;
  private final String bundleName;
  private final String bundleVersion;
  private final AlertCodec codec;
  private HoldoutSplit holdout;
  private Set<Survey> surveys = EnumSet.allOf(Survey.class);

  public AutoencoderTrainingJob(
      TrainingOptions options, PreprocessingConfig preprocessing, String bundleName, String bundleVersion) {
    this.options = Objects.requireNonNull(options, "options");
    this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
    this.bundleName = Objects.requireNonNull(bundleName, "bundleName");
    this.bundleVersion = Objects.requireNonNull(bundleVersion, "bundleVersion");
    this.codec = AlertCodec.withDefaults();
    if (preprocessing.size() != options.architecture().size()) {
      throw new IllegalArgumentException("preprocessing size and network input size differ");
    }
  }

  /**
   * Holds out the objects of {@code rule} instead of {@link TrainingOptions#heldOutPercent()}, so
   * that every component of a bundle keeps the same objects out (the bundle training chain).
   */
  public AutoencoderTrainingJob withHoldout(HoldoutSplit rule) {
    this.holdout = Objects.requireNonNull(rule, "rule");
    return this;
  }

  /** Trains only on alerts of these surveys (default: all). */
  public AutoencoderTrainingJob withSurveys(Set<Survey> trainedSurveys) {
    this.surveys = EnumSet.copyOf(trainedSurveys);
    return this;
  }

  /** Trains on every alert file under {@code alerts} and writes the bundle into {@code out}. */
  public Summary run(Path alerts, Path out, TrainingListener listener) throws IOException, BundleException {
    return run(AlertFiles.list(alerts), String.valueOf(alerts.getFileName()), out, listener);
  }

  /**
   * Trains on {@code files} and writes the bundle into {@code out}.
   *
   * @param source names the data in the manifest (e.g. the folders read)
   */
  public Summary run(List<Path> files, String source, Path out, TrainingListener listener) throws IOException, BundleException {
    CutoutPreprocessor preprocessor = new CutoutPreprocessor(preprocessing);
    ObjectSplit split = holdout == null
        ? new ObjectSplit(options.seed(), options.heldOutPercent(), options.validationPercent())
        : new ObjectSplit(options.seed(), 0, options.validationPercent());
    List<TrainingExample> train = new ArrayList<>();
    List<TrainingExample> validation = new ArrayList<>();
    List<Long> heldOutIds = new ArrayList<>();
    List<Cutout[]> plotSample = new ArrayList<>();
    int skipped = 0;
    int otherSurveys = 0;
    for (Path file : files) {
      Optional<Cutout[]> triplet;
      Alert alert;
      try {
        alert = codec.decode(AlertFiles.read(file));
        triplet = triplet(alert);
      } catch (AlertDecodeException e) {
        LOG.warn("skipping {}: {} ({})", file.getFileName(), e.getMessage(), e.reason().code());
        skipped++;
        continue;
      }
      if (!surveys.contains(alert.survey())) {
        otherSurveys++;
        continue;
      }
      if (triplet.isEmpty()) {
        skipped++;
        continue;
      }
      Cutout[] t = triplet.get();
      PreparedStack stack = preprocessor.prepare(t[0], t[1], t[2]);
      TrainingExample example = new TrainingExample(alert.alertId(), alert.objectId(), stack);
      ObjectSplit.Side side = holdout != null && holdout.isHeldOut(alert.objectId())
          ? ObjectSplit.Side.HELD_OUT : split.side(alert.objectId());
      switch (side) {
        case HELD_OUT -> heldOutIds.add(alert.alertId());
        case VALIDATION -> validation.add(example);
        case TRAIN -> {
          train.add(example);
          if (plotSample.size() < PLOT_SAMPLE) {
            plotSample.add(t);
          }
        }
      }
    }
    LOG.info("{} files: {} train, {} validation, {} held out, {} skipped, {} of other surveys",
        files.size(), train.size(), validation.size(), heldOutIds.size(), skipped, otherSurveys);
    AutoencoderTrainer.Result result = new AutoencoderTrainer(options).train(train, validation, listener);

    ModelBundleWriter writer = new ModelBundleWriter(bundleName, bundleVersion);
    new AutoencoderModel(result.network(), preprocessing).addTo(writer);
    LibraryVersions.current().forEach(writer::library);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("description", "alert packets read from " + source
        + "; objects split by a seeded hash of objectId");
    data.put("heldOutRule", holdout != null ? holdout.rule()
        : options.heldOutPercent() + "% of objects by a hash of objectId seeded with " + options.seed());
    data.put("surveys", surveys.stream().map(Enum::name).toList());
    data.put("filesRead", files.size());
    data.put("otherSurveys", otherSurveys);
    data.put("skippedWithoutCutouts", skipped);
    data.put("trainAlerts", train.size());
    data.put("validationAlerts", validation.size());
    data.put("heldOutAlerts", heldOutIds.size());
    data.put("heldOutAlertIds", heldOutIds.stream().sorted().map(String::valueOf).toList());
    data.put("bestEpoch", result.bestEpoch());
    data.put("bestValidationLoss", result.bestValidationLoss());
    data.put("epochsRun", result.history().size());
    writer.trainingData(AutoencoderModel.COMPONENT, data);
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("maxEpochs", options.maxEpochs());
    training.put("patience", options.patience());
    training.put("batchSize", options.batchSize());
    training.put("learningRate", options.learningRate());
    training.put("optimizer", "Adam");
    training.put("seed", options.seed());
    training.put("validationPercent", options.validationPercent());
    training.put("heldOutPercent", options.heldOutPercent());
    training.put("augment", options.augment() ? "dihedral (flips and quarter turns)" : "none");
    writer.hyperparameter(AutoencoderModel.COMPONENT + ".training", training);
    writer.write(out);
    Files.createDirectories(out);
    LossCurvePlot.write(result.history(), result.bestEpoch(), out.resolve("loss-curve.png"));
    PixelDistributionPlot.write(plotSample, preprocessor, out.resolve("pixel-distributions.png"));
    return new Summary(out, files.size(), skipped, train.size(), validation.size(), heldOutIds.size(),
        result.bestEpoch(), result.bestValidationLoss());
  }

  private static Optional<Cutout[]> triplet(Alert alert) throws AlertDecodeException {
    Cutout[] t = new Cutout[3];
    int i = 0;
    for (CutoutKind kind : CutoutPreprocessor.CHANNELS) {
      Optional<Cutout> c = alert.cutout(kind);
      if (c.isEmpty()) {
        return Optional.empty();
      }
      t[i++] = c.get();
    }
    return Optional.of(t);
  }
}
