package org.nightjar.models.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ways to damage a real alert packet, each as a transport, a disk or a buggy producer might:
 * flipped bits, a cut-off message, bytes inserted, zeroed or repeated, and damage inside one of
 * the gzip members that carry the stamps (the Avro framing around it left intact, so the damage
 * reaches the stamp decoder). Deterministic for a packet and a random source.
 */
public enum PacketMutation {
  /** One to eight bits flipped anywhere. */
  BIT_FLIP {
    @Override
    byte[] mutate(byte[] p, SplittableRandom r) {
      byte[] out = p.clone();
      int flips = 1 + r.nextInt(8);
      for (int i = 0; i < flips; i++) {
        int at = r.nextInt(out.length);
        out[at] ^= (byte) (1 << r.nextInt(8));
      }
      return out;
    }
  },
  /** The message cut short at any length, including nothing. */
  TRUNCATE {
    @Override
    byte[] mutate(byte[] p, SplittableRandom r) {
      return Arrays.copyOf(p, r.nextInt(p.length));
    }
  },
  /** Up to 64 random bytes inserted anywhere. */
  INSERT_SPAN {
    @Override
    byte[] mutate(byte[] p, SplittableRandom r) {
      byte[] span = new byte[1 + r.nextInt(64)];
      r.nextBytes(span);
      return splice(p, r.nextInt(p.length + 1), 0, span);
    }
  },
  /** Up to 256 bytes set to zero. */
  ZERO_SPAN {
    @Override
    byte[] mutate(byte[] p, SplittableRandom r) {
      byte[] out = p.clone();
      int at = r.nextInt(out.length);
      Arrays.fill(out, at, Math.min(out.length, at + 1 + r.nextInt(256)), (byte) 0);
      return out;
    }
  },
  /** A span of up to 256 bytes repeated right after itself. */
  DUPLICATE_SPAN {
    @Override
    byte[] mutate(byte[] p, SplittableRandom r) {
      int at = r.nextInt(p.length);
      int length = Math.min(p.length - at, 1 + r.nextInt(256));
      return splice(p, at + length, 0, Arrays.copyOfRange(p, at, at + length));
    }
  },
  /**
   * Bytes changed inside one gzip member of the packet (a stamp): its header, its deflate data or
   * its CRC and length trailer. A packet without gzip members gets a bit flip instead.
   */
  DAMAGED_GZIP {
    @Override
    byte[] mutate(byte[] p, SplittableRandom r) {
      List<Integer> members = gzipMembers(p);
      if (members.isEmpty()) {
        return BIT_FLIP.mutate(p, r);
      }
      byte[] out = p.clone();
      int start = members.get(r.nextInt(members.size()));
      int end = members.stream().filter(m -> m > start).findFirst().orElse(out.length);
      int damaged = 1 + r.nextInt(16);
      for (int i = 0; i < damaged; i++) {
        int at = start + r.nextInt(Math.max(1, end - start));
        out[at] = (byte) r.nextInt(256);
      }
      return out;
    }
  };

  abstract byte[] mutate(byte[] packet, SplittableRandom random);

  /** A damaged copy of {@code packet}; an empty packet stays empty. */
  public byte[] apply(byte[] packet, SplittableRandom random) {
    return packet.length == 0 ? packet.clone() : mutate(packet, random);
  }

  /** Offsets of the gzip magic (1f 8b, deflate) in a packet: where the stamps' members start. */
  static List<Integer> gzipMembers(byte[] p) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i + 2 < p.length; i++) {
      if (p[i] == (byte) 0x1f && p[i + 1] == (byte) 0x8b && p[i + 2] == 8) {
        at.add(i);
      }
    }
    return at;
  }

  private static byte[] splice(byte[] p, int at, int remove, byte[] insert) {
    byte[] out = new byte[p.length - remove + insert.length];
    System.arraycopy(p, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(p, at + remove, out, at + insert.length, p.length - at - remove);
    return out;
  }
}
