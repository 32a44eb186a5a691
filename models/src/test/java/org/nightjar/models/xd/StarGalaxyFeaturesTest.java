package org.nightjar.models.xd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Feature extraction, and the feature choice checked on real ZTF alerts labelled by sgscore1. */
class StarGalaxyFeaturesTest {

  private static final StarGalaxyFeatures FEATURES = StarGalaxyFeatures.withDefaultNoise();

  private static Map<String, Double> fields() {
    Map<String, Double> f = new HashMap<>();
    f.put("sharpnr", 0.05);
    f.put("chinr", Math.E);
    f.put("magnr", 17.0);
    f.put("sigmagnr", 0.02);
    f.put("distnr", 0.3);
    f.put("magpsf", 18.5);
    f.put("sigmapsf", 0.03);
    f.put("magap", 18.4);
    f.put("sigmagap", 0.04);
    return f;
  }

  @Test
  void shouldBuildFeaturesAndDiagonalNoise() {
    StarGalaxyFeatures.Measured m = FEATURES.extract(new FieldAlert(fields())).orElseThrow();
    assertArrayEquals(new double[] {0.05, 1.0, 17.0, 0.3, 0.1}, m.x(), 1e-12);
    double[][] s = m.s();
    assertEquals(Math.pow(0.02 + 0.02, 2), s[0][0], 1e-15);
    assertEquals(0.02 * 0.02, s[2][2], 1e-15);
    assertEquals(0.05 * 0.05, s[4][4], 1e-15);
    assertEquals(0.0, s[0][1]);
    assertEquals(StarGalaxyFeatures.DIMENSION, StarGalaxyFeatures.FEATURES.size());
  }

  @Test
  void shouldGiveNothingWithoutReferenceSource() {
    Map<String, Double> f = fields();
    f.remove("sharpnr");
    assertEquals(Optional.empty(), FEATURES.extract(new FieldAlert(f)));
    Map<String, Double> g = fields();
    g.put("chinr", -999.0);
    assertEquals(Optional.empty(), FEATURES.extract(new FieldAlert(g)));
  }

  @Test
  void referenceSourceMorphologyShouldSeparateSgscoreStarsOnZtfSample() throws IOException {
    List<double[]> x = new ArrayList<>();
    List<Boolean> star = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(ReferenceData.open("ztf_morphology_sample.csv"), StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",");
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] v = line.split(",");
        Map<String, Double> f = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          f.put(header[i], Double.parseDouble(v[i]));
        }
        Optional<StarGalaxyFeatures.Measured> m = FEATURES.extract(new FieldAlert(f));
        if (m.isPresent()) {
          x.add(m.get().x());
          star.add(f.get("sgscore1") > 0.5);
        }
      }
    }
    assertTrue(x.size() > 800, "alerts with features: " + x.size());
    boolean[] labels = new boolean[star.size()];
    double[] negAbsSharp = new double[labels.length];
    double[] negLnChi = new double[labels.length];
    double[] diffImage = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = star.get(i);
      negAbsSharp[i] = -Math.abs(x.get(i)[0]);
      negLnChi[i] = -x.get(i)[1];
      diffImage[i] = x.get(i)[4];
    }
    // Reference-source shape carries the star/galaxy signal; the difference image hardly does.
    assertTrue(RocAuc.of(negAbsSharp, labels) > 0.75, "AUC -|sharpnr| " + RocAuc.of(negAbsSharp, labels));
    assertTrue(RocAuc.of(negLnChi, labels) > 0.7, "AUC -ln chinr " + RocAuc.of(negLnChi, labels));
    assertTrue(RocAuc.of(diffImage, labels) < 0.65, "AUC magpsf - magap " + RocAuc.of(diffImage, labels));
  }
}
