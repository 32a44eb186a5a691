package org.nightjar.models.stargal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.testing.SampleAlerts;

/** Hold-out rule, PS1 labels, altered-alert detection and the point-source locus. */
class SplitAndLabelTest {

  @Test
  void holdoutIsStablePerObjectAndHoldsOutAboutOneInFive() {
    HoldoutSplit split = HoldoutSplit.oneInFive();
    int held = 0;
    for (int i = 0; i < 5000; i++) {
      String id = "ZTF18obj" + i;
      assertEquals(split.isHeldOut(id), split.isHeldOut(id));
      held += split.isHeldOut(id) ? 1 : 0;
    }
    assertEquals(1000, held, 90);
    assertTrue(split.rule().contains("mod 5 == 0"));
  }

  @Test
  void ps1LabelNeedsACloseCounterpartAndAClearScore() throws Exception {
    var star = AlertCodec.withDefaults().decode(SampleAlerts.read("ztf/1786216736015015014.avro"));
    var galaxy = AlertCodec.withDefaults().decode(SampleAlerts.read("ztf/1786226723415015003.avro"));
    assertEquals(Optional.of(true), Ps1Label.within(1.0).isStar(star));
    assertEquals(Optional.of(false), Ps1Label.within(1.0).isStar(galaxy));
    assertEquals(Optional.empty(), Ps1Label.within(0.01).isStar(star));
  }

  @Test
  void alteredAlertsComeFromTheFileAndFromFinkPlaceholders(@TempDir Path dir) throws Exception {
    var codec = AlertCodec.withDefaults();
    var placeholder = codec.decode(SampleAlerts.read("ztf/2481117360515010000.avro"));
    var genuine = codec.decode(SampleAlerts.read("ztf/1786216736015015014.avro"));
    // the Fink test night carries sgscore1 = 0.2, distpsnr1 = 120, ssdistnr = 60
    boolean hasPlaceholders = placeholder.number("distpsnr1").orElse(0) == 120.0;
    assertEquals(hasPlaceholders, AlteredAlerts.placeholdersOnly().isAltered(placeholder));
    assertFalse(AlteredAlerts.placeholdersOnly().isAltered(genuine));
    Path csv = dir.resolve("altered.csv");
    Files.writeString(csv, "file,candid,objectId,note\nx.avro," + genuine.alertId() + ",ZTF,\"a, b\"\n");
    AlteredAlerts listed = AlteredAlerts.fromFile(csv);
    assertEquals(1, listed.listedCount());
    assertTrue(listed.isAltered(genuine));
    Path plain = dir.resolve("ids.txt");
    Files.write(plain, List.of(Long.toString(genuine.alertId())));
    assertTrue(AlteredAlerts.fromFile(plain).isAltered(genuine));
  }

  @Test
  void halfSampleModeFindsTheNarrowPeakNotTheMean() {
    double[] v = new double[300];
    java.util.Random rnd = new java.util.Random(9);
    for (int i = 0; i < 200; i++) {
      v[i] = 0.6 + 0.03 * rnd.nextGaussian();
    }
    for (int i = 200; i < 300; i++) {
      v[i] = 0.8 + 0.5 * rnd.nextDouble();
    }
    double mode = PointSourceLocus.halfSampleMode(v);
    assertEquals(0.6, mode, 0.02);
  }
}
