package org.nightjar.schemas.fits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.RejectReason;

/**
 * Turns the bytes of one image stamp (gzip-compressed FITS for ZTF, plain FITS for Rubin) into a
 * {@link Cutout}. Every size is checked before anything is allocated for it: the gzip stream is
 * inflated through a bounded buffer, and the FITS header (parsed with nom-tam-fits) must declare a
 * 2-d image of a legal BITPIX, with sides within the configured range and data at least as long
 * as declared. The image is the first HDU with data: the primary HDU for ZTF and Rubin stamps
 * (Rubin adds UNCERT and PSFIMAGE extensions after it, which are skipped).
 *
 * <p>Pixels become floats, with BSCALE/BZERO applied and integer BLANK values turned into NaN;
 * NaN and infinite pixels are kept. Thread-safe and stateless apart from its limits.
 */
public final class CutoutDecoder {
  private static final int BLOCK = 2880;
  private static final int MAX_HDUS = 8;
  private static final byte[] SIMPLE = "SIMPLE  =".getBytes(StandardCharsets.US_ASCII);

  private final long maxInflatedBytes;
  private final int minSide;
  private final int maxSide;

  public CutoutDecoder(long maxInflatedBytes, int minSide, int maxSide) {
    if (maxInflatedBytes < BLOCK) {
      throw new IllegalArgumentException("maxInflatedBytes must be >= " + BLOCK + ", got " + maxInflatedBytes);
    }
    if (minSide < 1 || maxSide < minSide) {
      throw new IllegalArgumentException("need 1 <= minSide <= maxSide, got " + minSide + ", " + maxSide);
    }
    this.maxInflatedBytes = maxInflatedBytes;
    this.minSide = minSide;
    this.maxSide = maxSide;
  }

  public Cutout decode(byte[] stamp) throws AlertDecodeException {
    return decode(stamp, 0, stamp.length);
  }

  /** Decodes the remaining bytes of {@code stamp} without moving its position. */
  public Cutout decode(ByteBuffer stamp) throws AlertDecodeException {
    if (stamp.hasArray()) {
      return decode(stamp.array(), stamp.arrayOffset() + stamp.position(), stamp.remaining());
    }
    byte[] copy = new byte[stamp.remaining()];
    stamp.duplicate().get(copy);
    return decode(copy, 0, copy.length);
  }

  public Cutout decode(byte[] bytes, int offset, int length) throws AlertDecodeException {
    if (BoundedGunzip.isGzip(bytes, offset, length)) {
      BoundedGunzip.Inflated inflated = BoundedGunzip.inflate(bytes, offset, length, maxInflatedBytes);
      return decodeFits(inflated.bytes(), 0, inflated.length());
    }
    return decodeFits(bytes, offset, length);
  }

  private Cutout decodeFits(byte[] bytes, int offset, int length) throws AlertDecodeException {
    if (!startsWithSimple(bytes, offset, length)) {
      throw new AlertDecodeException(RejectReason.NOT_FITS, "cutout is not FITS: no SIMPLE card (" + length + " bytes)");
    }
    long pos = 0;
    for (int hdu = 0; hdu < MAX_HDUS && pos < length; hdu++) {
      Header header = readHeader(bytes, offset + (int) pos, length - (int) pos, hdu);
      int naxis = header.getIntValue("NAXIS", -1);
      long headerBytes = header.getSize();
      if (naxis == 0) {
        pos += headerBytes; // an HDU without data (NAXIS = 0): the image is in a later extension
        continue;
      }
      return readImage(header, naxis, bytes, offset, length, pos + headerBytes, hdu);
    }
    throw absurd("no image HDU among the first " + MAX_HDUS);
  }

  private Header readHeader(byte[] bytes, int offset, int length, int hdu) throws AlertDecodeException {
    // A buffer of one FITS block: the default one is several times the size of a whole stamp.
    try (FitsInputStream in = new FitsInputStream(new ByteArrayInputStream(bytes, offset, length), BLOCK)) {
      Header header = Header.readHeader(in);
      if (header == null) {
        throw absurd("HDU " + hdu + " has no header");
      }
      return header;
    } catch (IOException | RuntimeException e) {
      throw new AlertDecodeException(
          RejectReason.ABSURD_FITS_HEADER, "unreadable FITS header in HDU " + hdu + ": " + e.getMessage(), e);
    }
  }

  private Cutout readImage(Header header, int naxis, byte[] bytes, int offset, int length, long dataStart, int hdu)
      throws AlertDecodeException {
    int bitpix = header.getIntValue("BITPIX", 0);
    if (bitpix != 8 && bitpix != 16 && bitpix != 32 && bitpix != 64 && bitpix != -32 && bitpix != -64) {
      throw absurd("BITPIX " + bitpix + " in HDU " + hdu);
    }
    if (naxis != 2) {
      throw absurd("NAXIS " + naxis + " in HDU " + hdu + ", a cutout needs 2");
    }
    long width = header.getLongValue("NAXIS1", -1);
    long height = header.getLongValue("NAXIS2", -1);
    if (width < minSide || width > maxSide || height < minSide || height > maxSide) {
      throw absurd("image " + width + "x" + height + " in HDU " + hdu + " outside [" + minSide + ", " + maxSide + "] per side");
    }
    int bytesPerPixel = Math.abs(bitpix) / 8;
    long need = width * height * bytesPerPixel;
    long available = length - dataStart;
    if (available < need) {
      throw absurd("data of HDU " + hdu + " has " + Math.max(0, available) + " bytes, header declares " + need);
    }
    double bscale = header.getDoubleValue("BSCALE", 1.0);
    double bzero = header.getDoubleValue("BZERO", 0.0);
    if (!Double.isFinite(bscale) || !Double.isFinite(bzero)) {
      throw absurd("BSCALE " + bscale + " / BZERO " + bzero);
    }
    boolean hasBlank = bitpix > 0 && header.containsKey("BLANK");
    long blank = hasBlank ? header.getLongValue("BLANK", 0) : 0;
    int n = (int) (width * height);
    ByteBuffer data = ByteBuffer.wrap(bytes, offset + (int) dataStart, (int) need).slice().order(ByteOrder.BIG_ENDIAN);
    float[] pixels = Pixels.toFloats(data, bitpix, n, bscale, bzero, hasBlank, blank);
    return Cutout.of((int) width, (int) height, pixels);
  }

  private static boolean startsWithSimple(byte[] bytes, int offset, int length) {
    if (length < SIMPLE.length) {
      return false;
    }
    for (int i = 0; i < SIMPLE.length; i++) {
      if (bytes[offset + i] != SIMPLE[i]) {
        return false;
      }
    }
    return true;
  }

  private static AlertDecodeException absurd(String message) {
    return new AlertDecodeException(RejectReason.ABSURD_FITS_HEADER, "absurd FITS header: " + message);
  }

  @Override
  public String toString() {
    return "CutoutDecoder[maxInflatedBytes=" + maxInflatedBytes + ", sides=" + minSide + ".." + maxSide + "]";
  }
}
