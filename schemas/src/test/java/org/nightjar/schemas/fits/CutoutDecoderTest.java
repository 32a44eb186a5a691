package org.nightjar.schemas.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;

class CutoutDecoderTest {
  private static final long MIB = 1L << 20;
  private final CutoutDecoder decoder = new CutoutDecoder(MIB, 16, 512);

  private static byte[] science(String sample) {
    return BadAlerts.stampOf(SampleAlerts.read(sample), CutoutKind.SCIENCE);
  }

  @Test
  void shouldDecodeRealGzipStampRowMajor() throws Exception {
    byte[] stamp = science(BadAlerts.FINK_ZTF);
    Cutout c = decoder.decode(stamp);
    assertEquals(63, c.width());
    assertEquals(63, c.height());
    assertEquals(0, c.nonFiniteCount());
    ByteBuffer data = ByteBuffer.wrap(BadAlerts.gunzip(stamp), 2880, 63 * 63 * 4);
    for (int[] xy : new int[][] {{0, 0}, {62, 0}, {0, 62}, {17, 40}}) {
      float expected = data.getFloat(2880 + (xy[1] * 63 + xy[0]) * 4);
      assertEquals(expected, c.pixel(xy[0], xy[1]));
    }
  }

  @Test
  void shouldDecodeEdgeOfDetectorStamp() throws Exception {
    Cutout c = decoder.decode(science("ztf/2481528092515015006.avro"));
    assertEquals(47, c.width());
    assertEquals(63, c.height());
  }

  @Test
  void shouldKeepNanPixels() throws Exception {
    Cutout c = decoder.decode(science("ztf/2481247442315015000.avro"));
    assertEquals(63, c.width());
    assertEquals(57, c.height());
    assertEquals(486, c.nonFiniteCount());
  }

  @Test
  void shouldPickThePrimaryImageOfMultiHduRubinStamps() throws Exception {
    byte[] message = SampleAlerts.read("rubin-confluent/7912941781254298.avro");
    // the frame's template stamp is 69,120 bytes: image, UNCERT and PSFIMAGE HDUs
    Cutout template = AlertCodec.withDefaults().decode(message).cutout(CutoutKind.TEMPLATE).orElseThrow();
    assertEquals(30, template.width());
    assertEquals(30, template.height());
  }

  @Test
  void shouldScaleIntegerPixelsAndBlankThem() throws Exception {
    ByteBuffer data = ByteBuffer.allocate(16 * 16 * 2);
    for (int i = 0; i < 256; i++) {
      data.putShort((short) (i - 128));
    }
    data.putShort(0, (short) -32768);
    byte[] fits = fits(16, 16, 16, data.array(), "BSCALE  =                  0.5", "BZERO   =                 10.0",
        "BLANK   =               -32768");
    Cutout c = decoder.decode(fits);
    assertTrue(Float.isNaN(c.pixel(0, 0)));
    assertEquals(10 + 0.5f * (1 - 128), c.pixel(1, 0));
    assertEquals(10 + 0.5f * (255 - 128), c.pixel(15, 15));
    assertEquals(1, c.nonFiniteCount());
  }

  @Test
  void shouldReadUnsignedBytesAndDoubles() throws Exception {
    byte[] bytes = new byte[20 * 16];
    bytes[5] = (byte) 200;
    assertEquals(200f, decoder.decode(fits(8, 20, 16, bytes)).pixel(5, 0));
    ByteBuffer doubles = ByteBuffer.allocate(16 * 16 * 8);
    doubles.putDouble(8 * 17, -2.5);
    assertEquals(-2.5f, decoder.decode(fits(-64, 16, 16, doubles.array())).pixel(1, 1));
    ByteBuffer longs = ByteBuffer.allocate(16 * 16 * 8);
    longs.putLong(8 * 2, 1L << 40);
    assertEquals((float) (1L << 40), decoder.decode(fits(64, 16, 16, longs.array())).pixel(2, 0));
    ByteBuffer ints = ByteBuffer.allocate(16 * 16 * 4);
    ints.putInt(4 * 255, -7);
    assertEquals(-7f, decoder.decode(fits(32, 16, 16, ints.array())).pixel(15, 15));
  }

  @Test
  void shouldFindTheImageInAnExtensionWhenThePrimaryHasNoData() throws Exception {
    byte[] primary = header("SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    0",
        "EXTEND  =                    T");
    ByteBuffer data = ByteBuffer.allocate(16 * 16 * 4);
    data.putFloat(0, 3.25f);
    byte[] ext = block(concat(header("XTENSION= 'IMAGE   '", "BITPIX  =                  -32", "NAXIS   =                    2",
        "NAXIS1  =                   16", "NAXIS2  =                   16", "PCOUNT  =                    0",
        "GCOUNT  =                    1"), data.array()));
    Cutout c = decoder.decode(concat(primary, ext));
    assertEquals(3.25f, c.pixel(0, 0));
  }

  @Test
  void shouldRejectTruncatedGzip() {
    byte[] stamp = science(BadAlerts.FINK_ZTF);
    assertReason(RejectReason.TRUNCATED_GZIP, Arrays.copyOf(stamp, stamp.length - 20));
    assertReason(RejectReason.TRUNCATED_GZIP, Arrays.copyOf(stamp, 12));
  }

  @Test
  void shouldRejectBadGzipChecksum() {
    byte[] stamp = science(BadAlerts.FINK_ZTF);
    stamp[stamp.length - 6] ^= 0x55;
    assertReason(RejectReason.TRUNCATED_GZIP, stamp);
  }

  @Test
  void shouldRejectBytesThatAreNotFits() {
    assertReason(RejectReason.NOT_FITS, "GIF89a".getBytes(StandardCharsets.US_ASCII));
    assertReason(RejectReason.NOT_FITS, new byte[0]);
    assertReason(RejectReason.NOT_FITS, BadAlerts.gzip(new byte[4000]));
  }

  @Test
  void shouldRejectAbsurdHeaders() {
    byte[] fits = BadAlerts.gunzip(science(BadAlerts.FINK_ZTF));
    assertReason(RejectReason.ABSURD_FITS_HEADER, BadAlerts.setCard(fits, "BITPIX", "7"));
    assertReason(RejectReason.ABSURD_FITS_HEADER, BadAlerts.setCard(fits, "NAXIS1", "8"));
    assertReason(RejectReason.ABSURD_FITS_HEADER, BadAlerts.setCard(fits, "NAXIS1", "100000"));
    assertReason(RejectReason.ABSURD_FITS_HEADER, BadAlerts.setCard(fits, "NAXIS2", "-63"));
    assertReason(RejectReason.ABSURD_FITS_HEADER, BadAlerts.setCard(fits, "NAXIS", "3"));
    assertReason(RejectReason.ABSURD_FITS_HEADER, Arrays.copyOf(fits, 2880 + 1000));
    assertReason(RejectReason.ABSURD_FITS_HEADER, Arrays.copyOf(fits, 400)); // no END card
  }

  @Test
  void shouldRejectDecompressionBombWithoutLargeAllocation() {
    byte[] bomb = BadAlerts.stampOf(BadAlerts.decompressionBomb().message(), CutoutKind.SCIENCE);
    assertTrue(bomb.length < 256 * 1024, "bomb is small: " + bomb.length);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> decoder.decode(bomb));
    long allocated = threads.getThreadAllocatedBytes(tid) - before;
    assertEquals(RejectReason.DECOMPRESSION_BOMB, e.reason());
    assertTrue(allocated < 8 * MIB, "allocated " + allocated + " bytes for a " + BadAlerts.BOMB_INFLATED_BYTES + "-byte bomb");
  }

  @Test
  void shouldRefuseImpossibleLimits() {
    assertThrows(IllegalArgumentException.class, () -> new CutoutDecoder(100, 16, 512));
    assertThrows(IllegalArgumentException.class, () -> new CutoutDecoder(MIB, 0, 512));
    assertThrows(IllegalArgumentException.class, () -> new CutoutDecoder(MIB, 64, 32));
  }

  private void assertReason(RejectReason reason, byte[] stamp) {
    AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> decoder.decode(stamp));
    assertEquals(reason, e.reason(), e.getMessage());
  }

  static byte[] fits(int bitpix, int width, int height, byte[] data, String... extra) {
    String[] cards = new String[5 + extra.length];
    cards[0] = "SIMPLE  =                    T";
    cards[1] = String.format("BITPIX  = %20d", bitpix);
    cards[2] = "NAXIS   =                    2";
    cards[3] = String.format("NAXIS1  = %20d", width);
    cards[4] = String.format("NAXIS2  = %20d", height);
    System.arraycopy(extra, 0, cards, 5, extra.length);
    return block(concat(header(cards), data));
  }

  static byte[] header(String... cards) {
    StringBuilder b = new StringBuilder();
    for (String c : cards) {
      b.append(String.format("%-80s", c));
    }
    b.append(String.format("%-80s", "END"));
    return block(b.toString().getBytes(StandardCharsets.US_ASCII), (byte) ' ');
  }

  static byte[] block(byte[] bytes) {
    return block(bytes, (byte) 0);
  }

  static byte[] block(byte[] bytes, byte pad) {
    int n = (bytes.length + 2879) / 2880 * 2880;
    byte[] out = Arrays.copyOf(bytes, n);
    Arrays.fill(out, bytes.length, n, pad);
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
