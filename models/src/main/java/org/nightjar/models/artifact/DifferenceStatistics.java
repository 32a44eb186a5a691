package org.nightjar.models.artifact;

import java.util.List;
import java.util.Optional;
import org.nightjar.models.preprocess.RobustLevel;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;

/**
 * Three numbers about the whole stamps, beyond the network's central crop, that tell a failed
 * subtraction or a bad stretch of detector from a real source:
 *
 * <ul>
 *   <li>{@code difference_negative_share} and {@code difference_positive_share}: the shares of
 *       the central 21×21 difference pixels more than 3 robust sigma below and above the stamp's
 *       level (median and 1.4826 × MAD of the whole stamp). A real point source lights a few
 *       pixels of one sign; a misaligned or badly convolved subtraction leaves wide lobes of both.
 *   <li>{@code masked_share}: the mean share of non-finite pixels of the three stamps (bad
 *       columns, saturation, the detector's edge), each missing stamp counted as all masked.
 * </ul>
 *
 * <p>Measured on the raw pixels (the cutouts are decoded once per alert and cached), so they do
 * not depend on the network's scaling. Stateless; thread-safe.
 */
public final class DifferenceStatistics {

  public static final List<String> NAMES = List.of("difference_negative_share", "difference_positive_share",
      "masked_share");

  private static final int HALF_WIDTH = 10;
  private static final double SIGMAS = 3;
  /** Floor of sigma: a flat stamp counts any departure from its level. */
  private static final double MIN_SIGMA = 1e-6;

  private DifferenceStatistics() {}

  public static double[] of(Alert alert) throws AlertDecodeException {
    Optional<Cutout> difference = alert.cutout(CutoutKind.DIFFERENCE);
    double masked = 0;
    for (CutoutKind kind : CutoutKind.values()) {
      masked += alert.cutout(kind).map(Cutout::nonFiniteFraction).orElse(1f);
    }
    double[] out = new double[NAMES.size()];
    difference.ifPresent(d -> outliers(d, out));
    out[2] = masked / CutoutKind.values().length;
    return out;
  }

  private static void outliers(Cutout d, double[] out) {
    Optional<RobustLevel> robust = RobustLevel.of(d.pixels());
    if (robust.isEmpty()) {
      return;
    }
    double level = robust.get().level();
    double sigma = Math.max(MIN_SIGMA, robust.get().sigma());
    int cx = d.width() / 2;
    int cy = d.height() / 2;
    int below = 0;
    int above = 0;
    int counted = 0;
    for (int y = Math.max(0, cy - HALF_WIDTH); y <= Math.min(d.height() - 1, cy + HALF_WIDTH); y++) {
      for (int x = Math.max(0, cx - HALF_WIDTH); x <= Math.min(d.width() - 1, cx + HALF_WIDTH); x++) {
        float v = d.pixel(x, y);
        if (!Float.isFinite(v)) {
          continue;
        }
        double z = (v - level) / sigma;
        counted++;
        below += z < -SIGMAS ? 1 : 0;
        above += z > SIGMAS ? 1 : 0;
      }
    }
    if (counted > 0) {
      out[0] = below / (double) counted;
      out[1] = above / (double) counted;
    }
  }
}
