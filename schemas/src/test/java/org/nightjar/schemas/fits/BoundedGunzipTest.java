package org.nightjar.schemas.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.RejectReason;

class BoundedGunzipTest {
  private static final long LIMIT = 1 << 20;

  @Test
  void inflatesWhatGzipOutputStreamWrote() throws Exception {
    byte[] data = sample(200_000);
    byte[] packed = gzip(data);
    assertArrayEquals(data, inflate(packed, 0, packed.length));
  }

  @Test
  void readsAMemberAtAnOffsetAndConcatenatedMembers() throws Exception {
    byte[] a = sample(3000);
    byte[] b = sample(5000);
    byte[] both = concat(new byte[] {42, 42}, gzip(a), gzip(b));
    byte[] expected = concat(a, b);
    assertArrayEquals(expected, inflate(both, 2, both.length - 2));
  }

  @Test
  void skipsOptionalHeaderFields() throws Exception {
    byte[] data = sample(4000);
    byte[] plain = gzip(data);
    // Rebuild the member with FEXTRA, FNAME, FCOMMENT and FHCRC set, as other gzip tools write it.
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    member.write(plain, 0, 3);
    member.write(4 | 8 | 16 | 2);
    member.write(plain, 4, 6);
    member.write(new byte[] {3, 0, 'x', 'y', 'z'});
    member.write("stamp.fits\0".getBytes());
    member.write("a comment\0".getBytes());
    member.write(new byte[] {0, 0});
    member.write(plain, 10, plain.length - 10);
    byte[] rebuilt = member.toByteArray();
    assertArrayEquals(data, inflate(rebuilt, 0, rebuilt.length));
  }

  @Test
  void everyTruncationIsATruncatedGzip() throws Exception {
    byte[] packed = gzip(sample(20_000));
    for (int cut = 2; cut < packed.length; cut += 7) {
      AlertDecodeException e = assertThrows(AlertDecodeException.class, inflateCall(packed, cut), "cut at " + cut);
      assertEquals(RejectReason.TRUNCATED_GZIP, e.reason(), "cut at " + cut);
    }
  }

  @Test
  void aWrongLengthInTheTrailerIsRefused() throws Exception {
    byte[] packed = gzip(sample(1000));
    packed[packed.length - 4] ^= 1;
    AlertDecodeException e = assertThrows(AlertDecodeException.class, inflateCall(packed, packed.length));
    assertEquals(RejectReason.TRUNCATED_GZIP, e.reason());
  }

  @Test
  void aBombIsRefusedAtTheLimit() throws Exception {
    byte[] packed = gzip(new byte[50 << 20]);
    AlertDecodeException e = assertThrows(AlertDecodeException.class, inflateCall(packed, packed.length));
    assertEquals(RejectReason.DECOMPRESSION_BOMB, e.reason());
  }

  @Test
  void theThreadsInflaterIsReusableAfterAFailure() throws Exception {
    byte[] packed = gzip(sample(9000));
    assertThrows(AlertDecodeException.class, inflateCall(packed, packed.length / 2));
    assertArrayEquals(sample(9000), inflate(packed, 0, packed.length));
  }

  private static org.junit.jupiter.api.function.Executable inflateCall(byte[] packed, int length) {
    return () -> BoundedGunzip.inflate(packed, 0, length, LIMIT);
  }

  private static byte[] inflate(byte[] bytes, int offset, int length) throws AlertDecodeException {
    BoundedGunzip.Inflated inflated = BoundedGunzip.inflate(bytes, offset, length, LIMIT);
    return Arrays.copyOf(inflated.bytes(), inflated.length());
  }

  /** Compressible but not trivial, like stamp pixels. */
  private static byte[] sample(int n) {
    SplittableRandom random = new SplittableRandom(n);
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (random.nextInt(16) + (i / 64));
    }
    return b;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
