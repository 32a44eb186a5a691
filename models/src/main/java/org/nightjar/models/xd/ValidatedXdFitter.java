package org.nightjar.models.xd;

import java.util.Arrays;
import java.util.Random;

/**
 * XD EM with early stopping on a held-out validation set: the fit runs on the training points,
 * the mean validation log-likelihood is evaluated every {@code checkEvery} updates, and the
 * parameters with the best validation likelihood seen are kept. The fit stops when the
 * validation likelihood has not improved for {@code patience} consecutive checks, when training
 * converges (the {@link XdFitter} rule), or at the update limit.
 *
 * <p>Thread-safe: holds only settings; each call owns its worker threads.
 */
public final class ValidatedXdFitter {

  private final XdFitOptions options;
  private final int checkEvery;
  private final int patience;

  public ValidatedXdFitter(XdFitOptions options, int checkEvery, int patience) {
    if (checkEvery < 1 || patience < 1) {
      throw new IllegalArgumentException("checkEvery and patience must be >= 1, got " + checkEvery + ", " + patience);
    }
    this.options = options;
    this.checkEvery = checkEvery;
    this.patience = patience;
  }

  /** Training and validation parts of a data set. */
  public record Split(NoisyData train, NoisyData validation) {}

  /** Shuffles the points with a seeded generator and holds out {@code validationFraction} of them. */
  public static Split splitRandomly(NoisyData data, double validationFraction, long seed) {
    if (!(validationFraction > 0.0 && validationFraction < 1.0)) {
      throw new IllegalArgumentException("validation fraction must lie in (0, 1), got " + validationFraction);
    }
    int n = data.size();
    int nValid = (int) Math.round(n * validationFraction);
    if (nValid < 1 || nValid >= n) {
      throw new IllegalArgumentException("cannot hold out " + validationFraction + " of " + n + " points");
    }
    int[] idx = new int[n];
    Arrays.setAll(idx, i -> i);
    Random rnd = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int r = rnd.nextInt(i + 1);
      int t = idx[i];
      idx[i] = idx[r];
      idx[r] = t;
    }
    return new Split(data.subset(Arrays.copyOfRange(idx, nValid, n)), data.subset(Arrays.copyOfRange(idx, 0, nValid)));
  }

  /** Told after every update; called on the fitting thread. */
  @FunctionalInterface
  public interface UpdateListener {
    /**
     * @param updates updates run so far
     * @param trainLogLikelihood mean training log-likelihood before the latest update
     * @param validationLogLikelihood mean validation log-likelihood at this update, NaN when not checked
     * @param best whether these parameters are the best seen so far on the validation set
     */
    void updated(int updates, double trainLogLikelihood, double validationLogLikelihood, boolean best);
  }

  public XdValidatedFitResult fit(Split split, GaussianMixture initial) {
    return fit(split, initial, (s, t, v, b) -> { });
  }

  /** As {@link #fit(Split, GaussianMixture)}, reporting each update to {@code listener}. */
  public XdValidatedFitResult fit(Split split, GaussianMixture initial, UpdateListener listener) {
    NoisyData train = split.train();
    NoisyData valid = split.validation();
    double[] trainTraj = new double[options.maxUpdates()];
    double[] validTraj = new double[options.maxUpdates() / checkEvery + 1];
    int checks = 0;
    int s = 0;
    int sinceBest = 0;
    GaussianMixture best = initial;
    int bestUpdates = 0;
    double bestValid;
    try (XdEm em = new XdEm(train, initial, options)) {
      bestValid = validTraj[checks++] = validationLogLikelihood(valid, initial);
      while (s < options.maxUpdates()) {
        trainTraj[s] = em.update();
        s++;
        if (s % checkEvery == 0) {
          double v = validationLogLikelihood(valid, em.current());
          validTraj[checks++] = v;
          boolean improved = v > bestValid;
          listener.updated(s, trainTraj[s - 1], v, improved);
          if (improved) {
            bestValid = v;
            best = em.current();
            bestUpdates = s;
            sinceBest = 0;
          } else if (++sinceBest >= patience) {
            break;
          }
        } else {
          listener.updated(s, trainTraj[s - 1], Double.NaN, false);
        }
        if (s >= 2 && trainTraj[s - 1] - trainTraj[s - 2] <= options.tolerance()) {
          break;
        }
      }
    }
    return new XdValidatedFitResult(best, bestUpdates, bestValid, Arrays.copyOf(trainTraj, s),
        Arrays.copyOf(validTraj, checks), s);
  }

  private double validationLogLikelihood(NoisyData valid, GaussianMixture m) {
    return new XdFitter(options).logLikelihood(valid, m);
  }
}
