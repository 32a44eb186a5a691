package org.nightjar.models.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.nightjar.models.ScoringContext;
import org.nightjar.models.ScoringException;
import org.nightjar.models.artifact.DifferenceStatistics;
import org.nightjar.models.artifact.WeakLabel;
import org.nightjar.models.autoencoder.AutoencoderModel;
import org.nightjar.models.autoencoder.EmbeddingScorer;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;

/**
 * Embeds alert files with a bundle's autoencoder through the same {@code embed} stage the stream
 * runs, in batches, so training sees exactly the embeddings that scoring will compare.
 */
public final class LatentSamples {

  private static final int BATCH = 256;

  /** What embedding a set of files gave. */
  public record Result(List<LatentSample> samples, int files, int undecodable, int withoutStamps) {}

  private LatentSamples() {}

  /**
   * @param progress told the number of files read so far
   */
  public static Result embed(List<Path> files, ModelBundle bundle, BundleHoldout holdout, IntConsumer progress)
      throws BundleException, IOException {
    AlertCodec codec = AlertCodec.withDefaults();
    List<LatentSample> samples = new ArrayList<>();
    int undecodable = 0;
    int withoutStamps = 0;
    try (EmbeddingScorer embed = new EmbeddingScorer(AutoencoderModel.load(bundle))) {
      List<ScoringContext> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < files.size(); i++) {
        try {
          batch.add(new ScoringContext(codec.decode(AlertFiles.read(files.get(i)))));
        } catch (AlertDecodeException e) {
          undecodable++;
        }
        if (batch.size() == BATCH || i == files.size() - 1) {
          withoutStamps += flush(embed, batch, holdout, samples);
          batch.clear();
          progress.accept(i + 1);
        }
      }
    } catch (ScoringException e) {
      throw new IOException("the autoencoder failed: " + e.getMessage(), e);
    }
    return new Result(samples, files.size(), undecodable, withoutStamps);
  }

  private static int flush(EmbeddingScorer embed, List<ScoringContext> batch, BundleHoldout holdout,
      List<LatentSample> out) throws ScoringException {
    if (batch.isEmpty()) {
      return 0;
    }
    embed.score(batch);
    int without = 0;
    for (ScoringContext ctx : batch) {
      if (ctx.isRejected() || ctx.embedding().isEmpty()) {
        without++;
        continue;
      }
      Alert a = ctx.alert();
      Optional<Boolean> label = WeakLabel.of(a.survey()).flatMap(l -> l.isArtifact(a));
      double bogusness = WeakLabel.of(a.survey()).map(l -> l.bogusness(a).orElse(Double.NaN)).orElse(Double.NaN);
      double[] statistics;
      try {
        statistics = DifferenceStatistics.of(a);
      } catch (AlertDecodeException e) {
        without++;
        continue;
      }
      out.add(new LatentSample(a.survey(), a.alertId(), a.objectId(), ctx.embedding().get(), ctx.descriptors(), statistics,
          ctx.reconstructionError().getAsDouble(), label, bogusness, holdout.isHeldOut(a)));
    }
    return without;
  }
}
