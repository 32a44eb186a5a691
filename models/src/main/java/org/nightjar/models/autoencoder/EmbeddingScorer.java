package org.nightjar.models.autoencoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import org.nightjar.models.BatchParallelism;
import org.nightjar.models.Scorer;
import org.nightjar.models.ScoringContext;
import org.nightjar.models.ScoringException;
import org.nightjar.models.preprocess.CutoutPreprocessor;
import org.nightjar.models.preprocess.PreparedStack;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Survey;

/**
 * Stage {@code embed}: preprocesses the cutouts of every alert of the micro-batch, runs the
 * autoencoder once over all of them, and stores each embedding with its masked reconstruction
 * error. Alerts without all three cutouts, or whose central windows hold no finite pixel at all,
 * are left without an embedding; an alert whose stamp cannot be decoded is rejected with the
 * decoder's reason.
 *
 * <p>Thread-safe: stream threads share one instance, and their network calls take turns.
 */
public final class EmbeddingScorer implements Scorer {

  public static final String STAGE = "embed";

  private final CutoutPreprocessor preprocessor;
  private final AutoencoderNetwork network;
  private final BackendInfo backend;
  private final int copies;
  private final Set<Survey> surveys;

  /** Runs the model's single network (ND4J's threads inside each op) on the surveys it was trained for. */
  public EmbeddingScorer(AutoencoderModel model) {
    this(model.preprocessor(), model.network(), BackendInfo.current(), 1, model.surveys());
  }

  /**
   * Runs {@code network}, e.g. {@code ParallelCutoutAutoencoder.of(model.network(), 2, 16)};
   * the scorer closes it when it is closed.
   *
   * @param copies how many network copies {@code network} spreads a batch over (for the log)
   * @param surveys the surveys whose alerts it embeds; an alert of another survey gets no
   *     embedding, so no stage that builds on one scores it
   */
  public EmbeddingScorer(CutoutPreprocessor preprocessor, AutoencoderNetwork network, BackendInfo backend, int copies,
      Set<Survey> surveys) {
    this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
    this.network = Objects.requireNonNull(network, "network");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.copies = copies;
    this.surveys = Collections.unmodifiableSet(EnumSet.copyOf(surveys));
    if (preprocessor.config().size() != network.architecture().size()) {
      throw new IllegalArgumentException("preprocessing size and network input size differ");
    }
  }

  @Override
  public String stage() {
    return STAGE;
  }

  /** Backend and thread counts the network runs with, for a metric label and the startup log. */
  public BackendInfo backend() {
    return backend;
  }

  /** The preprocessing of the network's input: what the model sees of an alert's stamps. */
  public CutoutPreprocessor preprocessor() {
    return preprocessor;
  }

  /** The surveys whose alerts this scorer embeds. */
  public Set<Survey> surveys() {
    return surveys;
  }

  /** Network copies sharing each batch. */
  public int copies() {
    return copies;
  }

  @Override
  public void close() {
    network.close();
  }

  /** The network input of one alert, or null when it has none (or was rejected here). */
  private PreparedStack prepare(ScoringContext context) {
    try {
      Optional<PreparedStack> stack = preprocessor.prepare(context.alert());
      return stack.isPresent() && stack.get().finiteCount() > 0 ? stack.get() : null;
    } catch (AlertDecodeException e) {
      context.reject(e.reason(), STAGE, e.getClass().getName(), e.getMessage());
      return null;
    }
  }

  @Override
  public void score(List<ScoringContext> batch) throws ScoringException {
    // Preprocessing is per alert and independent: spread it over the cores, then gather in order.
    List<ScoringContext> live = batch.stream().filter(c -> !c.isRejected() && surveys.contains(c.alert().survey())).toList();
    PreparedStack[] prepared = new PreparedStack[live.size()];
    BatchParallelism.indices(live.size()).forEach(i -> prepared[i] = prepare(live.get(i)));
    List<ScoringContext> embeddable = new ArrayList<>(live.size());
    List<PreparedStack> stacks = new ArrayList<>(live.size());
    for (int i = 0; i < prepared.length; i++) {
      if (prepared[i] != null) {
        embeddable.add(live.get(i));
        stacks.add(prepared[i]);
      }
    }
    if (stacks.isEmpty()) {
      return;
    }
    int length = network.architecture().inputLength();
    float[] input = new float[stacks.size() * length];
    for (int i = 0; i < stacks.size(); i++) {
      System.arraycopy(stacks.get(i).values(), 0, input, i * length, length);
    }
    AutoencoderOutput output;
    try {
      output = network.infer(input, stacks.size());
    } catch (RuntimeException e) {
      throw new ScoringException("autoencoder failed on a batch of " + stacks.size() + ": " + e.getMessage(), e);
    }
    BatchParallelism.indices(stacks.size()).forEach(i -> {
      PreparedStack stack = stacks.get(i);
      double mse =
          ReconstructionError.maskedMse(stack.values(), stack.mask(), output.reconstruction(), output.offset(i));
      embeddable.get(i).setEmbedding(output.latent()[i], mse,
          StampDescriptors.of(stack, output.reconstruction(), output.offset(i)));
    });
  }
}
