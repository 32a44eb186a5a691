package org.nightjar.models.autoencoder;

/**
 * Per-stack reconstruction error: the mean squared difference over the pixels that were finite in
 * the original cutouts (filled pixels carry no information and are left out).
 *
 * <p>Stateless; thread-safe.
 */
public final class ReconstructionError {

  private ReconstructionError() {}

  /**
   * Masked mean squared error of one stack; NaN when the mask keeps no pixel at all.
   *
   * @param input preprocessed values of one stack
   * @param mask 1 for finite pixels, 0 for filled ones, same layout as {@code input}
   * @param reconstruction the network output holding this stack at {@code offset}
   */
  public static double maskedMse(float[] input, float[] mask, float[] reconstruction, int offset) {
    if (input.length != mask.length || offset < 0 || offset + input.length > reconstruction.length) {
      throw new IllegalArgumentException("input, mask and reconstruction do not line up");
    }
    double sum = 0;
    double count = 0;
    for (int i = 0; i < input.length; i++) {
      double d = (reconstruction[offset + i] - input[i]) * mask[i];
      sum += d * d;
      count += mask[i];
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
