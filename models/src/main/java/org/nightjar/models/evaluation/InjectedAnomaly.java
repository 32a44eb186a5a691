package org.nightjar.models.evaluation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nightjar.models.preprocess.RobustLevel;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;

/**
 * Kinds of damage done to a real alert's stamps to make a known anomaly: what a detector or a
 * pipeline really produces now and then (satellite streaks, saturated columns, a lost science
 * frame, a pure-noise readout, a swapped template). Deterministic for an alert id.
 */
public enum InjectedAnomaly {
  /** A bright line across the science and difference stamps (a satellite or meteor trail). */
  STREAK,
  /** A block of saturated columns in the science and difference stamps (bleed trail). */
  SATURATED_COLUMNS,
  /** The science stamp is blank (a constant). */
  BLANK_SCIENCE,
  /** All three stamps are Gaussian noise at each stamp's own level and spread. */
  PURE_NOISE,
  /** Science and template are swapped. */
  SWAPPED;

  /** The damaged copy of {@code alert}; empty when it lacks one of the three stamps. */
  public Optional<Alert> apply(Alert alert) throws AlertDecodeException {
    Optional<Cutout> sci = alert.cutout(CutoutKind.SCIENCE);
    Optional<Cutout> tpl = alert.cutout(CutoutKind.TEMPLATE);
    Optional<Cutout> dif = alert.cutout(CutoutKind.DIFFERENCE);
    if (sci.isEmpty() || tpl.isEmpty() || dif.isEmpty()) {
      return Optional.empty();
    }
    SplittableRandom random = new SplittableRandom(alert.alertId() * 31 + ordinal());
    Map<CutoutKind, Cutout> replaced = new EnumMap<>(CutoutKind.class);
    switch (this) {
      case STREAK -> {
        double angle = random.nextDouble(Math.PI);
        double offset = random.nextDouble(-4, 4);
        replaced.put(CutoutKind.SCIENCE, streak(sci.get(), angle, offset));
        replaced.put(CutoutKind.DIFFERENCE, streak(dif.get(), angle, offset));
      }
      case SATURATED_COLUMNS -> {
        int x0 = random.nextInt(Math.max(1, sci.get().width() / 2 - 8), Math.max(2, sci.get().width() / 2 + 8));
        replaced.put(CutoutKind.SCIENCE, saturate(sci.get(), x0));
        replaced.put(CutoutKind.DIFFERENCE, saturate(dif.get(), x0));
      }
      case BLANK_SCIENCE -> replaced.put(CutoutKind.SCIENCE, constant(sci.get(), 0f));
      case PURE_NOISE -> {
        replaced.put(CutoutKind.SCIENCE, noise(sci.get(), random));
        replaced.put(CutoutKind.TEMPLATE, noise(tpl.get(), random));
        replaced.put(CutoutKind.DIFFERENCE, noise(dif.get(), random));
      }
      case SWAPPED -> {
        replaced.put(CutoutKind.SCIENCE, tpl.get());
        replaced.put(CutoutKind.TEMPLATE, sci.get());
      }
    }
    return Optional.of(new DamagedAlert(alert, replaced));
  }

  /** Median and robust sigma (1.4826 MAD) of the finite pixels; sigma at least a tiny positive. */
  private static double[] level(Cutout c) {
    return RobustLevel.of(c.pixels()).map(l -> new double[] {l.level(), l.sigma() > 0 ? l.sigma() : 1e-3})
        .orElse(new double[] {0, 1});
  }

  private static double peak(Cutout c) {
    double max = Double.NEGATIVE_INFINITY;
    for (float p : c.pixels()) {
      if (Float.isFinite(p)) {
        max = Math.max(max, p);
      }
    }
    return max;
  }

  private static Cutout streak(Cutout c, double angle, double offset) {
    double[] lv = level(c);
    double amplitude = Math.max(50 * lv[1], 3 * (peak(c) - lv[0]));
    float[] px = c.pixels().clone();
    double cx = (c.width() - 1) / 2.0;
    double cy = (c.height() - 1) / 2.0;
    double nx = -Math.sin(angle);
    double ny = Math.cos(angle);
    for (int y = 0; y < c.height(); y++) {
      for (int x = 0; x < c.width(); x++) {
        double d = (x - cx) * nx + (y - cy) * ny - offset;
        px[y * c.width() + x] += (float) (amplitude * Math.exp(-0.5 * d * d / (1.2 * 1.2)));
      }
    }
    return Cutout.of(c.width(), c.height(), px);
  }

  private static Cutout saturate(Cutout c, int x0) {
    double[] lv = level(c);
    float value = (float) Math.max(lv[0] + 1000 * lv[1], 2 * peak(c));
    float[] px = c.pixels().clone();
    for (int y = 0; y < c.height(); y++) {
      for (int x = x0; x < Math.min(c.width(), x0 + 4); x++) {
        px[y * c.width() + x] = value;
      }
    }
    return Cutout.of(c.width(), c.height(), px);
  }

  private static Cutout constant(Cutout c, float value) {
    float[] px = new float[c.pixels().length];
    java.util.Arrays.fill(px, value);
    return Cutout.of(c.width(), c.height(), px);
  }

  private static Cutout noise(Cutout c, SplittableRandom random) {
    double[] lv = level(c);
    float[] px = new float[c.pixels().length];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) (lv[0] + lv[1] * gaussian(random));
    }
    return Cutout.of(c.width(), c.height(), px);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
