package org.nightjar.models.autoencoder;

/**
 * Runs the autoencoder over a batch of preprocessed stacks. Implementations differ in how they
 * use the cores: {@link CutoutAutoencoder} is one graph whose ops use ND4J's threads,
 * {@link ParallelCutoutAutoencoder} splits a batch over several single-threaded graph copies.
 *
 * <p>Implementations are thread-safe (calls may be serialised).
 */
public interface AutoencoderNetwork extends AutoCloseable {

  AutoencoderArchitecture architecture();

  /**
   * One forward pass.
   *
   * @param batch {@code count} stacks of {@link AutoencoderArchitecture#inputLength()} values each,
   *     NHWC, back to back
   * @param count number of stacks in {@code batch}
   */
  AutoencoderOutput infer(float[] batch, int count);

  /** Releases threads the implementation holds; weights are freed by the garbage collector. */
  @Override
  default void close() {}
}
