/**
 * Extreme Deconvolution (XD): fitting a Gaussian mixture to the noise-free distribution behind
 * noisy measurements with per-point full covariances (Bovy, Hogg and Roweis 2011), and using a
 * fitted mixture as a star/galaxy prior.
 *
 * <ul>
 *   <li>Fitting: {@link org.nightjar.models.xd.XdFitter} (to convergence),
 *       {@link org.nightjar.models.xd.XdEm} (update by update),
 *       {@link org.nightjar.models.xd.ValidatedXdFitter} (early stopping on held-out data), with
 *       {@link org.nightjar.models.xd.XdFitOptions} and
 *       {@link org.nightjar.models.xd.StarGalaxyConstraints}.</li>
 *   <li>Scoring: {@link org.nightjar.models.xd.XdPrior} (P(star), likelihood),
 *       {@link org.nightjar.models.xd.XdPosterior} (deconvolved posterior), stored as JSON by
 *       {@link org.nightjar.models.xd.XdPriorJson}.</li>
 *   <li>Measurement: {@code XdBenchmark} in the {@code benchmarks} module ({@code nightjar bench xd}).</li>
 * </ul>
 *
 * <p>All arrays are plain contiguous {@code double[]} in row-major order; the kernels allocate
 * nothing per point.
 */
package org.nightjar.models.xd;
