package org.nightjar.models.autoencoder;

/**
 * Shape of the cutout autoencoder. The layers, in NHWC layout:
 *
 * <pre>
 * input      size x size x channels
 * stem       conv patch x patch, stride patch        -> (size/patch)^2 x width, ReLU
 * down       conv 3x3, stride 2, padding 1           -> (size/2patch)^2 x width, ReLU
 * latent     dense                                   -> latentDim (linear: the embedding)
 * expand     dense                                   -> (size/2patch)^2 x width, ReLU
 * up         transposed conv 2x2, stride 2           -> (size/patch)^2 x width, ReLU
 * unstem     transposed conv patch x patch, stride patch -> size x size x channels (linear)
 * </pre>
 *
 * <p>Why this shape: the non-overlapping stem and unstem (kernel = stride) are each one large
 * matrix product, with none of the im2col/col2im work that small overlapping kernels on a 3-channel
 * input cost; every spatial step is strided (no pooling, no upsampling layers). On two AVX2 cores
 * this runs several times faster than 3x3 stride-2 stacks of the same width (see the models
 * README for the measured variants).
 *
 * <p>Immutable and thread-safe.
 *
 * @param size input side in pixels (cutouts are centre-cropped to it)
 * @param channels input planes (science, template, difference)
 * @param patch stem kernel and stride
 * @param width feature maps in the hidden convolutions
 * @param latentDim embedding length
 */
public record AutoencoderArchitecture(int size, int channels, int patch, int width, int latentDim) {

  /** The shipped shape: 32x32x3 input, 4x4 stem, 32 feature maps, 64-dimensional embedding. */
  public static AutoencoderArchitecture defaults() {
    return new AutoencoderArchitecture(32, 3, 4, 32, 64);
  }

  public AutoencoderArchitecture {
    positive("size", size);
    positive("channels", channels);
    positive("patch", patch);
    positive("width", width);
    positive("latentDim", latentDim);
    if (size % (2 * patch) != 0) {
      throw new IllegalArgumentException(
          "size " + size + " must be a multiple of 2 x patch (" + 2 * patch + ")");
    }
  }

  /** Same shape with another embedding length. */
  public AutoencoderArchitecture withLatentDim(int latent) {
    return new AutoencoderArchitecture(size, channels, patch, width, latent);
  }

  /** Side of the feature map after the stem. */
  public int stemSide() {
    return size / patch;
  }

  /** Side of the feature map that feeds the bottleneck. */
  public int bottleneckSide() {
    return size / (2 * patch);
  }

  /** Values per input image. */
  public int inputLength() {
    return size * size * channels;
  }

  /** Multiply-accumulate operations of one forward pass (encoder and decoder), per image. */
  public long multiplyAdds() {
    long stem = (long) stemSide() * stemSide() * width * patch * patch * channels;
    long down = (long) bottleneckSide() * bottleneckSide() * width * 9 * width;
    long flat = (long) bottleneckSide() * bottleneckSide() * width;
    long dense = 2 * flat * latentDim;
    long up = (long) bottleneckSide() * bottleneckSide() * width * 4 * width;
    long unstem = (long) stemSide() * stemSide() * width * patch * patch * channels;
    return stem + down + dense + up + unstem;
  }

  /** Command-line arguments that make the PyTorch peer script build the same layers. */
  public String[] torchArguments() {
    return new String[] {
      "--size", Integer.toString(size),
      "--channels", Integer.toString(channels),
      "--patch", Integer.toString(patch),
      "--width", Integer.toString(width),
      "--latent", Integer.toString(latentDim)
    };
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
