package org.nightjar.models.stargal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nightjar.models.xd.XdPriorFormatException;

class StarGalaxyModelJsonTest {

  @Test
  void roundTripKeepsFeaturesSettingsThresholdHoldoutAndPrior() throws Exception {
    StarGalaxyModel m = StarGalaxyScorerTest.model();
    m = new StarGalaxyModel(m.features(), m.prior(), 0.95, new HoldoutSplit(7, 3), List.of(11L, 22L),
        Map.of("components", "2"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StarGalaxyModelJson.write(m, out);
    String json = out.toString(StandardCharsets.UTF_8);
    StarGalaxyModel back = StarGalaxyModelJson.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(m.features(), back.features());
    assertEquals(0.95, back.starThreshold());
    assertEquals(new HoldoutSplit(7, 3), back.holdout());
    assertEquals(List.of(11L, 22L), back.heldOutAlertIds());
    assertEquals(Map.of("components", "2"), back.training());
    assertEquals(m.prior().features(), back.prior().features());
    StarGalaxyFeatureSet.Vector v = new StarGalaxyFeatureSet.Vector(new double[] {0.1, 0.02}, new double[] {0.03, 0.04},
        new boolean[] {true, true});
    assertEquals(m.classify(v).pStar(), back.classify(v).pStar(), 0.0);
    // feature names and definitions travel with the prior
    assertEquals(true, json.contains("\"definition\" : \"-2.5 log10(F(r<1.5 px) / F(r<4.0 px))"));
  }

  @Test
  void rejectsAnotherFormat() {
    byte[] other = "{\"format\": \"nightjar.xd-prior\", \"version\": 1}".getBytes(StandardCharsets.UTF_8);
    assertThrows(XdPriorFormatException.class, () -> StarGalaxyModelJson.read(new ByteArrayInputStream(other)));
  }
}
