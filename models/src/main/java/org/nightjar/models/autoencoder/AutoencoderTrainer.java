package org.nightjar.models.autoencoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Fits the autoencoder on preprocessed stacks with Adam on the masked reconstruction loss, checks
 * the validation loss after every epoch, stops after {@link TrainingOptions#patience()} epochs
 * without improvement and returns the network with the best validation weights. Deterministic:
 * the same examples, in the same order, with the same seed give the same weights.
 *
 * <p>Not thread-safe; one training run per instance at a time.
 */
public final class AutoencoderTrainer {

  /** Result of a run: the best network and the per-epoch history. Immutable. */
  public record Result(CutoutAutoencoder network, List<EpochStats> history, int bestEpoch, double bestValidationLoss) {}

  private final TrainingOptions options;

  public AutoencoderTrainer(TrainingOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public Result train(List<TrainingExample> train, List<TrainingExample> validation, TrainingListener listener) {
    if (train.isEmpty() || validation.isEmpty()) {
      throw new IllegalArgumentException(
          "need training and validation examples, got " + train.size() + " and " + validation.size());
    }
    AutoencoderArchitecture arch = options.architecture();
    CutoutAutoencoder network = CutoutAutoencoder.initialise(arch, options.seed());
    SameDiff graph = network.graph();
    graph.setTrainingConfig(
        TrainingConfig.builder()
            .updater(new Adam(options.learningRate()))
            .dataSetFeatureMapping(AutoencoderGraphFactory.INPUT, AutoencoderGraphFactory.MASK)
            .markLabelsUnused()
            .build());
    int steps = (train.size() + options.batchSize() - 1) / options.batchSize();
    listener.onStart(options.maxEpochs(), steps);
    Random random = new Random(options.seed());
    List<EpochStats> history = new ArrayList<>();
    Map<String, INDArray> best = snapshot(graph);
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
      long start = System.nanoTime();
      List<TrainingExample> order = new ArrayList<>(train);
      java.util.Collections.shuffle(order, random);
      for (int step = 0; step < steps; step++) {
        List<TrainingExample> batch =
            order.subList(step * options.batchSize(), Math.min(order.size(), (step + 1) * options.batchSize()));
        fitBatch(graph, batch, random);
        listener.onStep(epoch, step + 1);
      }
      // Both losses are the scoring figure (per-alert masked MSE, no augmentation), so they compare.
      double trainLoss = validationLoss(network, train);
      double validationLoss = validationLoss(network, validation);
      boolean improved = validationLoss < bestLoss;
      if (improved) {
        bestLoss = validationLoss;
        bestEpoch = epoch;
        best = snapshot(graph);
      }
      EpochStats stats =
          new EpochStats(epoch, trainLoss, validationLoss, (System.nanoTime() - start) / 1e9, improved);
      history.add(stats);
      listener.onEpoch(stats);
      if (epoch - bestEpoch >= options.patience()) {
        break;
      }
    }
    restore(graph, best);
    listener.onFinish(bestEpoch, bestLoss);
    return new Result(network, List.copyOf(history), bestEpoch, bestLoss);
  }

  /** Mean per-alert masked MSE over {@code examples}, the same figure scoring reports. */
  public static double validationLoss(CutoutAutoencoder network, List<TrainingExample> examples) {
    double sum = 0;
    int count = 0;
    int length = network.architecture().inputLength();
    int chunk = 256;
    for (int from = 0; from < examples.size(); from += chunk) {
      List<TrainingExample> part = examples.subList(from, Math.min(examples.size(), from + chunk));
      float[] input = new float[part.size() * length];
      for (int i = 0; i < part.size(); i++) {
        System.arraycopy(part.get(i).stack().values(), 0, input, i * length, length);
      }
      AutoencoderOutput out = network.infer(input, part.size());
      for (int i = 0; i < part.size(); i++) {
        double mse =
            ReconstructionError.maskedMse(
                part.get(i).stack().values(), part.get(i).stack().mask(), out.reconstruction(), out.offset(i));
        if (!Double.isNaN(mse)) {
          sum += mse;
          count++;
        }
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  private void fitBatch(SameDiff graph, List<TrainingExample> batch, Random random) {
    AutoencoderArchitecture arch = options.architecture();
    int length = arch.inputLength();
    float[] values = new float[batch.size() * length];
    float[] mask = new float[values.length];
    for (int i = 0; i < batch.size(); i++) {
      int k = options.augment() ? random.nextInt(8) : 0;
      float[] v = Dihedral.apply(batch.get(i).stack().values(), arch.size(), arch.channels(), k);
      float[] m = Dihedral.apply(batch.get(i).stack().mask(), arch.size(), arch.channels(), k);
      System.arraycopy(v, 0, values, i * length, length);
      System.arraycopy(m, 0, mask, i * length, length);
    }
    long[] shape = {batch.size(), arch.size(), arch.size(), arch.channels()};
    INDArray x = Nd4j.create(values, shape, 'c');
    INDArray m = Nd4j.create(mask, shape, 'c');
    graph.fit(new MultiDataSet(new INDArray[] {x, m}, new INDArray[0]));
  }

  private static Map<String, INDArray> snapshot(SameDiff graph) {
    Map<String, INDArray> copy = new HashMap<>();
    for (SDVariable v : graph.variables()) {
      if (v.getVariableType() == VariableType.VARIABLE) {
        copy.put(v.name(), v.getArr().dup());
      }
    }
    return copy;
  }

  private static void restore(SameDiff graph, Map<String, INDArray> weights) {
    for (Map.Entry<String, INDArray> e : weights.entrySet()) {
      graph.getVariable(e.getKey()).getArr().assign(e.getValue());
    }
  }
}
