package org.nightjar.models.xd;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of an Extreme Deconvolution fit: regularisation w, convergence tolerance, update limit,
 * thread count, and per-component constraints (fixed weight, mean fixed in all or some dimensions,
 * fixed covariance, covariance "aligned" in some dimensions, i.e. diagonal there and uncorrelated
 * with the other dimensions).
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
public final class XdFitOptions {

  private final double regularization;
  private final double tolerance;
  private final int maxUpdates;
  private final int threads;
  private final double responsibilityFloor;
  private final BitSet fixedWeights;
  private final BitSet fixedMeans;
  private final Map<Integer, BitSet> fixedMeanDims;
  private final BitSet fixedCovariances;
  private final Map<Integer, BitSet> alignedDims;

  private XdFitOptions(Builder b) {
    this.regularization = b.regularization;
    this.tolerance = b.tolerance;
    this.maxUpdates = b.maxUpdates;
    this.threads = b.threads;
    this.responsibilityFloor = b.responsibilityFloor;
    this.fixedWeights = (BitSet) b.fixedWeights.clone();
    this.fixedMeans = (BitSet) b.fixedMeans.clone();
    this.fixedMeanDims = copy(b.fixedMeanDims);
    this.fixedCovariances = (BitSet) b.fixedCovariances.clone();
    this.alignedDims = copy(b.alignedDims);
  }

  private static Map<Integer, BitSet> copy(Map<Integer, BitSet> m) {
    Map<Integer, BitSet> out = new TreeMap<>();
    m.forEach((j, bits) -> out.put(j, (BitSet) bits.clone()));
    return out;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults: w = 0, tolerance 1e-6, at most 10,000 updates, all available processors. */
  public static XdFitOptions defaults() {
    return builder().build();
  }

  /** Regularisation w (Bovy's semantics: V_j gets + w I and is divided by q_j + 1 when w > 0). */
  public double regularization() {
    return regularization;
  }

  /** Stop once the mean log-likelihood gains no more than this over one update. */
  public double tolerance() {
    return tolerance;
  }

  public int maxUpdates() {
    return maxUpdates;
  }

  public int threads() {
    return threads;
  }

  /**
   * Responsibilities q_ij at or below this are left out of the M-step sums (never out of the
   * likelihood). 0, the default, skips only those that underflow to exactly 0, so the update is
   * exact; a tiny floor such as 1e-15 skips most far-away pairs in well-separated mixtures.
   */
  public double responsibilityFloor() {
    return responsibilityFloor;
  }

  /** The same settings with another thread count (results do not depend on it). */
  public XdFitOptions withThreads(int n) {
    Builder b = toBuilder();
    b.optThreads(n);
    return b.build();
  }

  /** The same settings with another update limit and tolerance. */
  public XdFitOptions withStopping(int updates, double tol) {
    Builder b = toBuilder();
    b.optMaxUpdates(updates);
    b.optTolerance(tol);
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.regularization = regularization;
    b.tolerance = tolerance;
    b.maxUpdates = maxUpdates;
    b.threads = threads;
    b.responsibilityFloor = responsibilityFloor;
    b.fixedWeights.or(fixedWeights);
    b.fixedMeans.or(fixedMeans);
    b.fixedCovariances.or(fixedCovariances);
    fixedMeanDims.forEach((j, bits) -> b.fixedMeanDims.put(j, (BitSet) bits.clone()));
    alignedDims.forEach((j, bits) -> b.alignedDims.put(j, (BitSet) bits.clone()));
    return b;
  }

  /** Per-component constraint flags resolved for a mixture of K components in D dimensions. */
  Constraints resolve(int k, int d) {
    check(fixedWeights, k, "fixed weight");
    check(fixedCovariances, k, "fixed covariance");
    check(fixedMeans, k, "fixed mean");
    boolean[][] meanFixed = flags(fixedMeanDims, k, d, "fixed mean");
    fixedMeans.stream().forEach(j -> Arrays.fill(meanFixed[j], true));
    boolean[][] aligned = flags(alignedDims, k, d, "aligned covariance");
    boolean[] wFixed = new boolean[k];
    boolean[] vFixed = new boolean[k];
    for (int j = 0; j < k; j++) {
      wFixed[j] = fixedWeights.get(j);
      vFixed[j] = fixedCovariances.get(j);
    }
    return new Constraints(wFixed, meanFixed, vFixed, aligned);
  }

  private static void check(BitSet bits, int k, String what) {
    if (bits.length() > k) {
      throw new IllegalArgumentException(what + " names component " + (bits.length() - 1) + " but K=" + k);
    }
  }

  private static boolean[][] flags(Map<Integer, BitSet> m, int k, int d, String what) {
    boolean[][] out = new boolean[k][d];
    for (Map.Entry<Integer, BitSet> e : m.entrySet()) {
      int j = e.getKey();
      if (j >= k || e.getValue().length() > d) {
        throw new IllegalArgumentException(what + " for component " + j + " does not fit K=" + k + ", D=" + d);
      }
      e.getValue().stream().forEach(a -> out[j][a] = true);
    }
    return out;
  }

  /** Resolved constraint flags; package-private plumbing for the M-step. */
  record Constraints(boolean[] fixedWeight, boolean[][] fixedMean, boolean[] fixedCovariance, boolean[][] aligned) {}

  /** Builder: every setter is optional; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private double regularization = 0.0;
    private double tolerance = 1e-6;
    private int maxUpdates = 10_000;
    private int threads = Runtime.getRuntime().availableProcessors();
    private double responsibilityFloor = 0.0;
    private final BitSet fixedWeights = new BitSet();
    private final BitSet fixedMeans = new BitSet();
    private final Map<Integer, BitSet> fixedMeanDims = new TreeMap<>();
    private final BitSet fixedCovariances = new BitSet();
    private final Map<Integer, BitSet> alignedDims = new TreeMap<>();

    private Builder() {}

    public Builder optRegularization(double w) {
      if (!(w >= 0.0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("regularization w must be finite and >= 0, got " + w);
      }
      this.regularization = w;
      return this;
    }

    /** Convergence tolerance on the mean log-likelihood; negative infinity runs exactly maxUpdates. */
    public Builder optTolerance(double tol) {
      if (Double.isNaN(tol) || tol == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("tolerance must be a number below +infinity, got " + tol);
      }
      this.tolerance = tol;
      return this;
    }

    public Builder optMaxUpdates(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxUpdates must be >= 0, got " + n);
      }
      this.maxUpdates = n;
      return this;
    }

    public Builder optThreads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + n);
      }
      this.threads = n;
      return this;
    }

    /** See {@link XdFitOptions#responsibilityFloor()}; must lie in [0, 1e-6]. */
    public Builder optResponsibilityFloor(double floor) {
      if (!(floor >= 0.0 && floor <= 1e-6)) {
        throw new IllegalArgumentException("responsibility floor must lie in [0, 1e-6], got " + floor);
      }
      this.responsibilityFloor = floor;
      return this;
    }

    /** Keeps alpha_j; the free weights are rescaled to fill 1 minus the fixed ones. */
    public Builder optFixWeight(int j) {
      fixedWeights.set(requireComponent(j));
      return this;
    }

    /** Keeps the whole mean of component j at its initial value. */
    public Builder optFixMean(int j) {
      fixedMeans.set(requireComponent(j));
      return this;
    }

    /**
     * Keeps the mean of component j at its initial value in the given dimensions only; the other
     * dimensions get the usual update. That is the exact constrained M-step when V_j has no
     * correlation between fixed and free dimensions, which {@link #optAlignCovariance} enforces.
     */
    public Builder optFixMean(int j, int... dimensions) {
      fixedMeanDims.computeIfAbsent(requireComponent(j), x -> new BitSet()).or(dims(j, dimensions));
      return this;
    }

    public Builder optFixCovariance(int j) {
      fixedCovariances.set(requireComponent(j));
      return this;
    }

    /**
     * Constrains V_j to be diagonal within the given dimensions and uncorrelated between them and
     * the rest (the "axis-aligned" star components of a star/galaxy prior). The initial V_j should
     * already satisfy it; the M-step projects onto it, which is the exact constrained maximiser.
     */
    public Builder optAlignCovariance(int j, int... dimensions) {
      alignedDims.computeIfAbsent(requireComponent(j), x -> new BitSet()).or(dims(j, dimensions));
      return this;
    }

    private static int requireComponent(int j) {
      if (j < 0) {
        throw new IllegalArgumentException("component index must be >= 0, got " + j);
      }
      return j;
    }

    private static BitSet dims(int j, int[] dimensions) {
      BitSet b = new BitSet();
      if (dimensions.length == 0) {
        throw new IllegalArgumentException("no dimensions given for component " + j);
      }
      for (int a : dimensions) {
        if (a < 0) {
          throw new IllegalArgumentException("dimension must be >= 0, got " + a);
        }
        b.set(a);
      }
      return b;
    }

    public XdFitOptions build() {
      return new XdFitOptions(this);
    }
  }
}
