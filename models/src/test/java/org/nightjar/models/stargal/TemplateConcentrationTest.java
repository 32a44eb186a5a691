package org.nightjar.models.stargal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.testing.SampleAlerts;

class TemplateConcentrationTest {

  private static final TemplateConcentration MEASURE = TemplateConcentration.ztfDefaults();

  /** A 63 x 63 stamp: background 100, a circular Gaussian of the given sigma and total flux at the centre, noise. */
  static Cutout gaussianStamp(double sigma, double flux, double noise, long seed) {
    Random rnd = new Random(seed);
    float[] px = new float[63 * 63];
    for (int y = 0; y < 63; y++) {
      for (int x = 0; x < 63; x++) {
        // integrate the profile over the pixel with 10 x 10 samples
        double sum = 0;
        for (int i = 0; i < 10; i++) {
          for (int j = 0; j < 10; j++) {
            double dx = x - 0.5 + (i + 0.5) / 10 - 31;
            double dy = y - 0.5 + (j + 0.5) / 10 - 31;
            sum += Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
          }
        }
        px[y * 63 + x] = (float) (100 + flux * sum / 100 / (2 * Math.PI * sigma * sigma) + noise * rnd.nextGaussian());
      }
    }
    return Cutout.of(63, 63, px);
  }

  @Test
  void pointSourceConcentrationMatchesTheGaussianProfile() {
    double sigma = 1.0;
    TemplateConcentration.Measurement m = MEASURE.measure(gaussianStamp(sigma, 1e5, 0.01, 1)).orElseThrow();
    // Pixels hold the profile averaged over their area, which widens it by a 1 px box (variance 1/12).
    double s2 = sigma * sigma + 1.0 / 12;
    double expected = -2.5 * Math.log10((1 - Math.exp(-1.5 * 1.5 / (2 * s2))) / (1 - Math.exp(-4.0 * 4.0 / (2 * s2))));
    assertEquals(expected, m.value(), 0.02, "c(1.5, 4) of a sigma = 1 px Gaussian");
    assertEquals(0.0, m.centreDx(), 0.05);
    assertEquals(0.0, m.centreDy(), 0.05);
  }

  @Test
  void extendedSourceIsLessConcentrated() {
    double point = MEASURE.measure(gaussianStamp(1.0, 1e5, 1.0, 2)).orElseThrow().value();
    double extended = MEASURE.measure(gaussianStamp(2.0, 1e5, 1.0, 2)).orElseThrow().value();
    assertTrue(extended > point + 0.5, "extended " + extended + " vs point " + point);
  }

  @Test
  void uncertaintyGrowsWithBackgroundNoiseAndMatchesTheScatter() {
    double quiet = MEASURE.measure(gaussianStamp(1.2, 2000, 2.0, 3)).orElseThrow().sigma();
    double noisy = MEASURE.measure(gaussianStamp(1.2, 2000, 20.0, 3)).orElseThrow().sigma();
    assertTrue(noisy > 3 * quiet, "noisy " + noisy + " vs quiet " + quiet);
    // the propagated sigma describes the scatter of repeated noisy measurements
    double sum = 0;
    double sumSq = 0;
    double sigmaSum = 0;
    int n = 200;
    for (int s = 0; s < n; s++) {
      TemplateConcentration.Measurement m = MEASURE.measure(gaussianStamp(1.2, 2000, 20.0, 100 + s)).orElseThrow();
      sum += m.value();
      sumSq += m.value() * m.value();
      sigmaSum += m.sigma();
    }
    double scatter = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
    double ratio = scatter / (sigmaSum / n);
    assertTrue(ratio > 0.7 && ratio < 1.4, "scatter / propagated sigma = " + ratio);
  }

  @Test
  void unmeasurableStampsGiveNothing() {
    assertTrue(MEASURE.measure(gaussianStamp(1.0, 0.0, 1.0, 4)).isEmpty(), "no source");
    float[] small = new float[63 * 50];
    java.util.Arrays.fill(small, 1f);
    assertTrue(MEASURE.measure(Cutout.of(63, 50, small)).isEmpty(), "edge stamp, not centred");
    float[] nan = new float[63 * 63];
    java.util.Arrays.fill(nan, Float.NaN);
    assertTrue(MEASURE.measure(Cutout.of(63, 63, nan)).isEmpty(), "all NaN");
    Cutout star = gaussianStamp(1.0, 1e5, 1.0, 5);
    float[] holed = star.pixels().clone();
    holed[31 * 63 + 32] = Float.NaN;
    assertTrue(MEASURE.measure(Cutout.of(63, 63, holed)).isEmpty(), "NaN inside the aperture");
  }

  /**
   * Real ZTF templates from the sample: a PS1 star (sgscore1 1.0 at 0.1", magnr 12.7) and a PS1
   * galaxy (sgscore1 below 0.2 within 1", magnr 16.5). The point-source concentration on ZTF
   * templates is about 0.61 mag (the mode over the project's 1,685 alerts).
   */
  @Test
  void realStarIsCloserToThePointSourceValueThanRealGalaxy() throws Exception {
    double star = concentration("ztf/1786216736015015014.avro").orElseThrow();
    double galaxy = concentration("ztf/1786226723415015003.avro").orElseThrow();
    double pointSource = 0.61;
    assertTrue(Math.abs(star - pointSource) < 0.1, "star " + star);
    assertTrue(galaxy - pointSource > 0.25, "galaxy " + galaxy);
  }

  private static Optional<Double> concentration(String sample) throws Exception {
    var alert = AlertCodec.withDefaults().decode(SampleAlerts.read(sample));
    return MEASURE.measure(alert.cutout(CutoutKind.TEMPLATE).orElseThrow()).map(TemplateConcentration.Measurement::value);
  }
}
