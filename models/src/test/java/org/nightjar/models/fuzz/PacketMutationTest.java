package org.nightjar.models.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PacketMutationTest {

  private static byte[] realPacket() throws Exception {
    try (var files = Files.list(Path.of("src/test/resources/latent-heldout"))) {
      return Files.readAllBytes(files.filter(f -> f.toString().endsWith(".avro")).sorted().findFirst().orElseThrow());
    }
  }

  @Test
  void shouldDamageEveryPacketTheSameWayForTheSameSeed() throws Exception {
    byte[] p = realPacket();
    for (PacketMutation m : PacketMutation.values()) {
      byte[] a = m.apply(p, new SplittableRandom(5));
      byte[] b = m.apply(p, new SplittableRandom(5));
      assertTrue(Arrays.equals(a, b), m + " is not deterministic");
      assertFalse(Arrays.equals(a, p), m + " left the packet as it was");
    }
  }

  @Test
  void shouldDamageOnlyTheInsideOfAGzipMemberAndKeepTheFraming() throws Exception {
    byte[] p = realPacket();
    List<Integer> members = PacketMutation.gzipMembers(p);
    assertEquals(3, members.size(), "a ZTF packet carries three gzipped stamps");
    for (long seed = 0; seed < 50; seed++) {
      byte[] d = PacketMutation.DAMAGED_GZIP.apply(p, new SplittableRandom(seed));
      assertEquals(p.length, d.length, "the Avro framing keeps its lengths");
      for (int i = 0; i < members.get(0); i++) {
        assertEquals(p[i], d[i], "byte " + i + " before the first stamp changed");
      }
    }
  }

  @Test
  void shouldCutTruncationsShortAndGrowInsertions() throws Exception {
    byte[] p = realPacket();
    for (long seed = 0; seed < 20; seed++) {
      assertTrue(PacketMutation.TRUNCATE.apply(p, new SplittableRandom(seed)).length < p.length);
      assertTrue(PacketMutation.INSERT_SPAN.apply(p, new SplittableRandom(seed)).length > p.length);
      assertTrue(PacketMutation.DUPLICATE_SPAN.apply(p, new SplittableRandom(seed)).length > p.length);
    }
    assertEquals(0, PacketMutation.BIT_FLIP.apply(new byte[0], new SplittableRandom(1)).length);
  }
}
