package org.nightjar.models.autoencoder;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nightjar.models.Scorer;
import org.nightjar.models.StageFactory;
import org.nightjar.models.StageSettings;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.schemas.Survey;

/**
 * Stage {@value EmbeddingScorer#STAGE}: the autoencoder of the bundle, run as {@code embed.workers}
 * single-threaded network copies that share each micro-batch (default 2).
 */
public final class EmbedStage implements StageFactory {

  /** Setting: network copies sharing a batch. */
  public static final String WORKERS = "embed.workers";
  /**
   * Setting: surveys embedded by the network made for another, as {@code FROM:TO} pairs (e.g.
   * {@code RUBIN:ZTF}); empty by default, so an alert of a survey the network was not trained
   * on gets no embedding, and no anomaly or artifact section.
   */
  public static final String SURVEY_MAP = "embed.survey.map";
  /** Smallest share of a batch worth handing to a second network copy. */
  private static final int MIN_WORKER_CHUNK = 16;

  @Override
  public String stage() {
    return EmbeddingScorer.STAGE;
  }

  @Override
  public List<String> requires() {
    return List.of();
  }

  @Override
  public List<String> components() {
    return List.of(AutoencoderModel.COMPONENT);
  }

  @Override
  public Scorer create(ModelBundle bundle, StageSettings settings) throws BundleException {
    int workers = settings.intValue(WORKERS, 2, 1, 64);
    BackendInfo backend = BackendTuning.applyForInference();
    AutoencoderModel model = AutoencoderModel.load(bundle);
    Set<Survey> surveys = EnumSet.copyOf(model.surveys());
    surveys.addAll(mappedSurveys(settings.text(SURVEY_MAP).orElse(""), model.surveys()));
    AutoencoderNetwork network = workers > 1
        ? ParallelCutoutAutoencoder.of(model.network(), workers, MIN_WORKER_CHUNK)
        : model.network();
    return new EmbeddingScorer(model.preprocessor(), network, backend, workers, surveys);
  }

  /** The surveys {@code FROM:TO,...} sends to a network made for TO, each TO among {@code trained}. */
  static Set<Survey> mappedSurveys(String map, Set<Survey> trained) {
    EnumSet<Survey> mapped = EnumSet.noneOf(Survey.class);
    String allowed = "FROM:TO pairs of surveys " + EnumSet.allOf(Survey.class) + ", each TO one the network was trained on "
        + trained;
    for (String pair : map.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.split(":");
      if (parts.length != 2) {
        throw new StageSettings.InvalidSettingException(SURVEY_MAP, map, allowed);
      }
      try {
        Survey from = Survey.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
        Survey to = Survey.valueOf(parts[1].strip().toUpperCase(Locale.ROOT));
        if (!trained.contains(to)) {
          throw new StageSettings.InvalidSettingException(SURVEY_MAP, map, allowed);
        }
        mapped.add(from);
      } catch (IllegalArgumentException e) {
        throw new StageSettings.InvalidSettingException(SURVEY_MAP, map, allowed);
      }
    }
    return mapped;
  }
}
