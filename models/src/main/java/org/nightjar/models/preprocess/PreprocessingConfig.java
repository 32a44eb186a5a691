package org.nightjar.models.preprocess;

/**
 * Constants of the cutout preprocessing; they travel in the model bundle manifest with the weights
 * they were trained with.
 *
 * <p>Immutable; thread-safe.
 *
 * @param size side of the square stack in pixels; stamps are centre-cropped or padded to it
 * @param softening scale of the arcsinh stretch in robust standard deviations: values within
 *     about {@code softening} sigma of the median stay nearly linear, brighter ones are compressed
 *     logarithmically
 */
public record PreprocessingConfig(int size, double softening) {

  /** 32 pixels (32 arcsec for ZTF), arcsinh softening 3 sigma. */
  public static PreprocessingConfig defaults() {
    return new PreprocessingConfig(32, 3.0);
  }

  public PreprocessingConfig {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive, got " + size);
    }
    if (!(softening > 0) || Double.isInfinite(softening)) {
      throw new IllegalArgumentException("softening must be a positive number, got " + softening);
    }
  }
}
