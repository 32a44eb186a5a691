package org.nightjar.models.autoencoder;

/**
 * What one forward pass returns, copied onto the Java heap: one embedding per stack and the
 * reconstructions back to back in the input's NHWC order.
 *
 * <p>Immutable by contract (arrays are exposed for speed; do not modify). Thread-safe.
 */
public record AutoencoderOutput(float[][] latent, float[] reconstruction, int stackLength) {

  public int count() {
    return latent.length;
  }

  /** Offset of stack {@code i} in {@link #reconstruction()}. */
  public int offset(int i) {
    return i * stackLength;
  }
}
