package org.nightjar.app.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.testing.SampleAlerts;

class FreshAlertIdsTest {

  @Test
  void shouldGiveTheCopyTheNewIdAndKeepEverythingElse() throws Exception {
    byte[] original = Files.readAllBytes(SampleAlerts.ztf().get(0));
    AlertCodec codec = AlertCodec.withDefaults();
    Alert a = codec.decode(original);
    Alert b = codec.decode(FreshAlertIds.of(original).withAlertId(9_000_000_000_000_000_001L));
    assertEquals(9_000_000_000_000_000_001L, b.alertId());
    assertEquals(a.objectId(), b.objectId());
    assertEquals(a.eventTime(), b.eventTime());
    for (CutoutKind kind : CutoutKind.values()) {
      assertEquals(a.cutout(kind).map(c -> Arrays.hashCode(c.pixels())), b.cutout(kind).map(c -> Arrays.hashCode(c.pixels())),
          kind + " stamp");
    }
  }

  @Test
  void shouldWriteAnyIdTheSameWayWhetherPatchedOrReencoded() throws Exception {
    byte[] original = Files.readAllBytes(SampleAlerts.ztf().get(1));
    AlertCodec codec = AlertCodec.withDefaults();
    FreshAlertIds copies = FreshAlertIds.of(original);
    for (long id : new long[] {FreshAlertIds.FAST_IDS, Long.MAX_VALUE, 8_123_456_789_012_345_678L, 42L, FreshAlertIds.FAST_IDS - 1}) {
      Alert copy = codec.decode(copies.withAlertId(id));
      assertEquals(id, copy.alertId());
      assertEquals(codec.decode(original).objectId(), copy.objectId());
    }
  }

  @Test
  void shouldShareOneParsedSchemaAmongPacketsWrittenWithEqualOnes() throws Exception {
    List<FreshAlertIds> copies = new ArrayList<>();
    for (Path file : SampleAlerts.ztf()) {
      copies.add(FreshAlertIds.of(Files.readAllBytes(file)));
    }
    int shared = 0;
    int distinct = 0;
    for (int i = 1; i < copies.size(); i++) {
      FreshAlertIds a = copies.get(i - 1);
      FreshAlertIds b = copies.get(i);
      if (a.schema().equals(b.schema())) {
        assertSame(a.schema(), b.schema());
        shared++;
      } else {
        assertNotSame(a.schema(), b.schema());
        distinct++;
      }
    }
    assertTrue(shared > 0 && distinct > 0, "the sample should hold packets of equal and of different schemas");
    // Re-encoded on the shared schema, the last packet still decodes as itself.
    byte[] last = Files.readAllBytes(SampleAlerts.ztf().get(copies.size() - 1));
    AlertCodec codec = AlertCodec.withDefaults();
    Alert copy = codec.decode(copies.get(copies.size() - 1).withAlertId(42L));
    assertEquals(42L, copy.alertId());
    assertEquals(codec.decode(last).objectId(), copy.objectId());
  }

  @Test
  void shouldEncodeLongsAsAvroDoes() {
    assertEquals(10, FreshAlertIds.varint(FreshAlertIds.FAST_IDS).length);
    assertEquals(10, FreshAlertIds.varint(Long.MAX_VALUE).length);
    assertEquals(9, FreshAlertIds.varint(FreshAlertIds.FAST_IDS - 1).length);
    assertEquals(Arrays.toString(new byte[] {(byte) 0x96, 0x01}), Arrays.toString(FreshAlertIds.varint(75)), "75 -> zig-zag 150");
    assertEquals(Arrays.toString(new byte[] {0x01}), Arrays.toString(FreshAlertIds.varint(-1)));
  }

  @Test
  void shouldRefuseWhatIsNotAZtfContainer() {
    assertThrows(IOException.class, () -> FreshAlertIds.of(new byte[] {1, 2, 3}));
  }
}
