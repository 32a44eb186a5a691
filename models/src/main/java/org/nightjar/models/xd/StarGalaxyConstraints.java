package org.nightjar.models.xd;

import java.util.Arrays;

/**
 * The star/galaxy set-up of an XD prior in the spirit of Fadely's SDSS demo: some components are
 * "star" components whose true PSF-minus-model magnitude differences are zero (a point source
 * has the same PSF and model magnitude), so their means are pinned at 0 in those dimensions, and
 * their covariances there are diagonal and uncorrelated with the other dimensions. The remaining
 * components ("galaxy") are free.
 *
 * <p>Immutable and thread-safe.
 *
 * @param starComponents indices of the star components
 * @param pinnedDims the magnitude-difference dimensions (e.g. 5..9 for psf-minus-model ugriz)
 */
public record StarGalaxyConstraints(int[] starComponents, int[] pinnedDims) {

  public StarGalaxyConstraints {
    starComponents = starComponents.clone();
    pinnedDims = pinnedDims.clone();
    if (starComponents.length == 0 || pinnedDims.length == 0) {
      throw new IllegalArgumentException("need at least one star component and one pinned dimension");
    }
  }

  /** The first half of K components are stars (K/2 rounded down, at least 1). */
  public static StarGalaxyConstraints firstHalfStars(int k, int... pinnedDims) {
    int stars = Math.max(1, k / 2);
    int[] idx = new int[stars];
    Arrays.setAll(idx, i -> i);
    return new StarGalaxyConstraints(idx, pinnedDims);
  }

  @Override
  public int[] starComponents() {
    return starComponents.clone();
  }

  @Override
  public int[] pinnedDims() {
    return pinnedDims.clone();
  }

  /** Adds the constraints to a fit's options: means fixed in the pinned dimensions, covariances aligned. */
  public XdFitOptions.Builder applyTo(XdFitOptions.Builder builder) {
    for (int j : starComponents) {
      builder.optFixMean(j, pinnedDims);
      builder.optAlignCovariance(j, pinnedDims);
    }
    return builder;
  }

  /**
   * Makes an initial mixture satisfy the constraints: star means get 0 in the pinned dimensions,
   * and star covariances lose their off-diagonal entries that touch a pinned dimension (which
   * keeps them positive definite: that is a principal block-diagonal projection).
   */
  public GaussianMixture constrain(GaussianMixture init) {
    int k = init.components();
    int d = init.dimension();
    double[] mean = init.flatMeans();
    double[] cov = init.flatCovariances();
    boolean[] pinned = new boolean[d];
    for (int a : pinnedDims) {
      if (a < 0 || a >= d) {
        throw new IllegalArgumentException("pinned dimension " + a + " outside 0.." + (d - 1));
      }
      pinned[a] = true;
    }
    for (int j : starComponents) {
      if (j < 0 || j >= k) {
        throw new IllegalArgumentException("star component " + j + " outside 0.." + (k - 1));
      }
      for (int a = 0; a < d; a++) {
        if (pinned[a]) {
          mean[j * d + a] = 0.0;
        }
        for (int b = 0; b < d; b++) {
          if (a != b && (pinned[a] || pinned[b])) {
            cov[(j * d + a) * d + b] = 0.0;
          }
        }
      }
    }
    return GaussianMixture.fromFlat(k, d, init.weights(), mean, cov);
  }
}
