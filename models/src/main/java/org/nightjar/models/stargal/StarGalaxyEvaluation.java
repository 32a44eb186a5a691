package org.nightjar.models.stargal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.nightjar.models.xd.RocAuc;

/**
 * ROC AUCs of a star/galaxy model against reference labels (ZTF: PS1; Rubin: extendedness) on
 * held-out alerts, for the raw primary feature (a threshold on it: lower = more point-like = star;
 * and on its distance from the point-source value, |x|, for two-sided features such as Rubin's
 * ln trace ratio), both over the alerts where it is measured, the raw sharpnr when it is in the
 * feature set, the deconvolved (posterior mean) primary feature, and P(star).
 *
 * <p>Immutable and thread-safe.
 */
public record StarGalaxyEvaluation(String labelRule, int stars, int galaxies, double rawPrimaryAuc,
    double rawSharpnrAuc, int sharpnrMeasured, double posteriorPrimaryAuc, double pStarAuc, List<Point> points,
    double rawAbsPrimaryAuc, int primaryMeasured) {

  public StarGalaxyEvaluation {
    points = List.copyOf(points);
  }

  /**
   * One labelled alert: raw (NaN when not measured) and posterior primary feature, P(star),
   * magnitude (NaN if none).
   */
  public record Point(boolean star, double raw, double posterior, double pStar, double magnr) {}

  /** Evaluates on the given (held-out) entries labelled by {@code label}. */
  public static StarGalaxyEvaluation of(StarGalaxyModel model, List<StarGalaxySamples.Entry> entries,
      Function<StarGalaxySamples.Entry, Optional<Boolean>> label, String labelRule) {
    int sharp = model.features().features().indexOf(MorphologyFeature.SHARPNR);
    List<Point> points = new ArrayList<>();
    List<Boolean> sharpLabels = new ArrayList<>();
    List<Double> sharpScores = new ArrayList<>();
    for (StarGalaxySamples.Entry e : entries) {
      Optional<Boolean> star = label.apply(e);
      if (star.isEmpty()) {
        continue;
      }
      StarGalaxyModel.Classification c = model.classify(e.vector());
      double raw = e.vector().measured()[0] ? e.vector().x()[0] : Double.NaN;
      points.add(new Point(star.get(), raw, c.posteriorMean()[0], c.pStar(), e.magnr().orElse(Double.NaN)));
      if (sharp >= 0 && e.vector().measured()[sharp]) {
        sharpLabels.add(star.get());
        sharpScores.add(-Math.abs(e.vector().x()[sharp]));
      }
    }
    boolean[] y = new boolean[points.size()];
    double[] post = new double[y.length];
    double[] p = new double[y.length];
    int stars = 0;
    for (int i = 0; i < y.length; i++) {
      Point pt = points.get(i);
      y[i] = pt.star();
      stars += y[i] ? 1 : 0;
      post[i] = -pt.posterior();
      p[i] = pt.pStar();
    }
    int galaxies = y.length - stars;
    double sharpAuc = Double.NaN;
    if (sharpLabels.contains(true) && sharpLabels.contains(false)) {
      boolean[] ys = new boolean[sharpLabels.size()];
      double[] ss = new double[ys.length];
      for (int i = 0; i < ys.length; i++) {
        ys[i] = sharpLabels.get(i);
        ss[i] = sharpScores.get(i);
      }
      sharpAuc = auc(ss, ys);
    }
    boolean both = stars > 0 && galaxies > 0;
    List<Point> measured = points.stream().filter(pt -> Double.isFinite(pt.raw())).toList();
    boolean[] ym = new boolean[measured.size()];
    double[] rawM = new double[ym.length];
    double[] absM = new double[ym.length];
    for (int i = 0; i < ym.length; i++) {
      ym[i] = measured.get(i).star();
      rawM[i] = -measured.get(i).raw();
      absM[i] = -Math.abs(measured.get(i).raw());
    }
    boolean bothMeasured = hasBoth(ym);
    return new StarGalaxyEvaluation(labelRule, stars, galaxies, bothMeasured ? auc(rawM, ym) : Double.NaN, sharpAuc,
        sharpLabels.size(), both ? auc(post, y) : Double.NaN, both ? auc(p, y) : Double.NaN, points,
        bothMeasured ? auc(absM, ym) : Double.NaN, ym.length);
  }

  private static boolean hasBoth(boolean[] y) {
    boolean t = false;
    boolean f = false;
    for (boolean b : y) {
      t |= b;
      f |= !b;
    }
    return t && f;
  }

  /**
   * A 95% percentile bootstrap interval of the P(star) AUC: {@code rounds} resamples of the labelled
   * points with replacement (seeded), resamples with one class missing skipped.
   */
  public double[] pStarAucInterval(int rounds, long seed) {
    boolean[] y = new boolean[points.size()];
    double[] p = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = points.get(i).star();
      p[i] = points.get(i).pStar();
    }
    return RocAuc.bootstrapInterval(p, y, rounds, seed);
  }

  private static double auc(double[] score, boolean[] y) {
    return RocAuc.of(score, y);
  }
}
