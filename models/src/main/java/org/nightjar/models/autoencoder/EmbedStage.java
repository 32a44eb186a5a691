package org.nightjar.models.autoencoder;

import java.util.List;
import org.nightjar.models.Scorer;
import org.nightjar.models.StageFactory;
import org.nightjar.models.StageSettings;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;

/**
 * Stage {@value EmbeddingScorer#STAGE}: the autoencoder of the bundle, run as {@code embed.workers}
 * single-threaded network copies that share each micro-batch (default 2).
 */
public final class EmbedStage implements StageFactory {

  /** Setting: network copies sharing a batch. */
  public static final String WORKERS = "embed.workers";
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
    AutoencoderNetwork network = workers > 1
        ? ParallelCutoutAutoencoder.of(model.network(), workers, MIN_WORKER_CHUNK)
        : model.network();
    return new EmbeddingScorer(model.preprocessor(), network, backend, workers);
  }
}
