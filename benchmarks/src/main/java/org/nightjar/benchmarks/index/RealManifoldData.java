package org.nightjar.benchmarks.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nightjar.models.index.ExactDistances;

/**
 * Benchmark data of kind {@code real-manifold}: new points drawn along and between real
 * embeddings, so that the data keep the low local dimension of the real ones at any size.
 *
 * <p>Each point starts at a real embedding {@code a} (rows cycle through them; queries draw one at
 * random), moves a uniform fraction {@code t} of the way towards one of {@code a}'s
 * {@value #NEIGHBOURS} nearest real embeddings {@code b}, and gets Gaussian noise confined to the
 * local subspace: the span of {@code cⱼ − a} over those neighbours {@code cⱼ}, isotropic within it
 * (an orthonormal basis of the span, each direction with the same {@code σ}) and nil outside it.
 * The noise's typical length is {@code noise} times the median nearest-neighbour distance between
 * real embeddings, the same length the {@code real} kind spreads over all 64 dimensions. With the
 * defaults the data's two-NN intrinsic dimension comes out near the real embeddings' own: from the
 * 1,685 ZTF embeddings (9.5), 7.8 at 100,000 rows and 10.0 at 1,000,000, where replicating them
 * with isotropic noise gives 29.2 and 37.9.
 *
 * <p>What it models: that unseen alerts fall on the same low-dimensional surface as the alerts we
 * hold, between them. What it cannot know: how the real surface is curved or populated between
 * the sample's embeddings, and how many distinct kinds of alert a million real ones hold.
 */
final class RealManifoldData implements IndexBenchmark.DataSet {

  static final int NEIGHBOURS = 10;

  private final float[][] base;
  private final int[][] neighbours;
  /** {@code spans[i]}: an orthonormal basis of the span of embedding i's neighbour differences. */
  private final double[][][] spans;
  private final double sigma;

  RealManifoldData(float[][] base, double noise, double medianNearest) {
    if (base.length <= NEIGHBOURS) {
      throw new IllegalArgumentException("kind real-manifold needs more than " + NEIGHBOURS + " embeddings, got " + base.length);
    }
    this.base = base;
    this.neighbours = nearest(base, NEIGHBOURS);
    this.spans = new double[base.length][][];
    for (int i = 0; i < base.length; i++) {
      spans[i] = orthonormalSpan(base, i, neighbours[i]);
    }
    this.sigma = noise * medianNearest / Math.sqrt(NEIGHBOURS);
  }

  @Override
  public String name() {
    return "real-manifold";
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "%d real embeddings, new points between each and one of its %d real neighbours"
        + " plus noise sigma %.4f in each direction of the span of those neighbours; queries drawn alike", base.length,
        NEIGHBOURS, sigma);
  }

  @Override
  public float[][] rows(int n, SplittableRandom random) {
    float[][] v = new float[n][];
    for (int i = 0; i < n; i++) {
      v[i] = draw(i % base.length, random);
    }
    return v;
  }

  @Override
  public float[][] queries(int n, SplittableRandom random) {
    float[][] v = new float[n][];
    for (int i = 0; i < n; i++) {
      v[i] = draw(random.nextInt(base.length), random);
    }
    return v;
  }

  /** One new point near real embedding {@code seed}. */
  float[] draw(int seed, SplittableRandom random) {
    float[] a = base[seed];
    float[] b = base[neighbours[seed][random.nextInt(NEIGHBOURS)]];
    double t = random.nextDouble();
    double[] p = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      p[j] = a[j] + t * ((double) b[j] - a[j]);
    }
    for (double[] direction : spans[seed]) {
      double e = sigma * IndexBenchmark.normal(random);
      for (int j = 0; j < a.length; j++) {
        p[j] += e * direction[j];
      }
    }
    float[] out = new float[a.length];
    for (int j = 0; j < a.length; j++) {
      out[j] = (float) p[j];
    }
    return out;
  }

  /**
   * Modified Gram-Schmidt over the differences from point {@code i} to its neighbours; a
   * difference already (numerically) in the span of the earlier ones adds no direction.
   */
  static double[][] orthonormalSpan(float[][] points, int i, int[] around) {
    int d = points[i].length;
    double[][] basis = new double[around.length][];
    int count = 0;
    for (int c : around) {
      double[] v = new double[d];
      double length = 0.0;
      for (int j = 0; j < d; j++) {
        v[j] = (double) points[c][j] - points[i][j];
        length += v[j] * v[j];
      }
      double original = Math.sqrt(length);
      for (int b = 0; b < count; b++) {
        double dot = 0.0;
        for (int j = 0; j < d; j++) {
          dot += v[j] * basis[b][j];
        }
        for (int j = 0; j < d; j++) {
          v[j] -= dot * basis[b][j];
        }
      }
      double norm = 0.0;
      for (double x : v) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      if (norm > 1e-4 * original) {
        for (int j = 0; j < d; j++) {
          v[j] /= norm;
        }
        basis[count++] = v;
      }
    }
    return Arrays.copyOf(basis, count);
  }

  /** Each point's {@code k} nearest other points, nearest first (ties to the lower index). */
  static int[][] nearest(float[][] points, int k) {
    int[][] out = new int[points.length][];
    double[] squared = new double[points.length - 1];
    int[] rows = new int[points.length - 1];
    for (int i = 0; i < points.length; i++) {
      int c = 0;
      for (int j = 0; j < points.length; j++) {
        if (j != i) {
          squared[c] = ExactDistances.squared(points[i], points[j]);
          rows[c++] = j;
        }
      }
      ExactDistances.sort(squared, rows, c);
      out[i] = Arrays.copyOf(rows, k);
    }
    return out;
  }
}
