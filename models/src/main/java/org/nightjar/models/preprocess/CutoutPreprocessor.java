package org.nightjar.models.preprocess;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;

/**
 * Turns an alert's science, template and difference stamps into one {@link PreparedStack}: each
 * stamp is centre-cropped (or NaN-padded) to {@link PreprocessingConfig#size()}, robustly scaled
 * on its own ({@link RobustScaler}), and interleaved; non-finite and blank-sentinel pixels are
 * filled with 0 and masked. Works for any stamp size (ZTF 63x63 and edge stamps, Rubin's varying sizes).
 *
 * <p>Stateless apart from its constants; thread-safe.
 */
public final class CutoutPreprocessor {

  /** Channel order of every stack. */
  public static final List<CutoutKind> CHANNELS =
      List.of(CutoutKind.SCIENCE, CutoutKind.TEMPLATE, CutoutKind.DIFFERENCE);

  private final PreprocessingConfig config;

  public CutoutPreprocessor(PreprocessingConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public PreprocessingConfig config() {
    return config;
  }

  /**
   * Whether a pixel value is a measurement: finite and not the blank sentinel some ZTF templates
   * use; every other pixel is masked.
   */
  public static boolean isMeasured(float v) {
    return RobustScaler.isMeasured(v);
  }

  /**
   * The stack of an alert, or empty when it lacks any of the three stamps.
   *
   * @throws AlertDecodeException when a stamp is present but cannot be decoded
   */
  public Optional<PreparedStack> prepare(Alert alert) throws AlertDecodeException {
    Cutout[] cutouts = new Cutout[CHANNELS.size()];
    for (int c = 0; c < cutouts.length; c++) {
      Optional<Cutout> cutout = alert.cutout(CHANNELS.get(c));
      if (cutout.isEmpty()) {
        return Optional.empty();
      }
      cutouts[c] = cutout.get();
    }
    return Optional.of(prepare(cutouts[0], cutouts[1], cutouts[2]));
  }

  /** The stack of three stamps in channel order science, template, difference. */
  public PreparedStack prepare(Cutout science, Cutout template, Cutout difference) {
    Cutout[] cutouts = {
      Objects.requireNonNull(science, "science"),
      Objects.requireNonNull(template, "template"),
      Objects.requireNonNull(difference, "difference")
    };
    int size = config.size();
    int channels = cutouts.length;
    float[] values = new float[size * size * channels];
    float[] mask = new float[values.length];
    for (int c = 0; c < channels; c++) {
      float[] window = CenterCrop.window(cutouts[c], size);
      RobustScaler.scaleInto(window, config.softening(), values, mask, c, channels);
    }
    return new PreparedStack(values, mask, size, channels);
  }
}
