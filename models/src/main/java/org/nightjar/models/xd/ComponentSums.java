package org.nightjar.models.xd;

import java.util.Arrays;

/**
 * Sufficient statistics of one E-step over a block of points, per component j:
 * q_j = sum_i w_i q_ij, su_j = sum_i w_i q_ij u_ij and
 * g_j = sum_i w_i q_ij (u_ij u_ij^T - T_ij^{-1}) (lower triangle), with u_ij = T_ij^{-1}(x_i - m_j),
 * plus the weighted log-likelihood of the block.
 *
 * <p>The M-step needs nothing else: b_ij - m_j = V_j u_ij and B_ij = V_j - V_j T_ij^{-1} V_j, so
 * sum q (b - m)(b - m)^T + q B = V_j g_j V_j + q_j V_j around the old mean, which avoids
 * subtracting large nearly equal sums. Not thread-safe: one instance per block.
 */
final class ComponentSums {

  final int k;
  final int d;
  final double[] q;
  final double[] su;
  final double[] g;
  double logLike;

  ComponentSums(int k, int d) {
    this.k = k;
    this.d = d;
    this.q = new double[k];
    this.su = new double[k * d];
    this.g = new double[k * d * d];
  }

  void clear() {
    Arrays.fill(q, 0.0);
    Arrays.fill(su, 0.0);
    Arrays.fill(g, 0.0);
    logLike = 0.0;
  }

  /** Adds another block's sums (the reduction runs over blocks in index order, so it is repeatable). */
  void add(ComponentSums o) {
    for (int i = 0; i < q.length; i++) {
      q[i] += o.q[i];
    }
    for (int i = 0; i < su.length; i++) {
      su[i] += o.su[i];
    }
    for (int i = 0; i < g.length; i++) {
      g[i] += o.g[i];
    }
    logLike += o.logLike;
  }
}
