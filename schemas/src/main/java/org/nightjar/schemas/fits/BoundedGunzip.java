package org.nightjar.schemas.fits;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.RejectReason;

/**
 * Inflates gzip bytes (RFC 1952, one or more members) into a buffer that grows only as real
 * output arrives and never past the limit: the size a gzip trailer claims is never trusted, so a
 * decompression bomb costs at most about twice the limit in memory before it is refused.
 *
 * <p>Each thread keeps one {@link Inflater} and resets it per stamp: setting up zlib's state
 * afresh for every cutout (what {@code GZIPInputStream} does) cost more than inflating a ZTF
 * stamp. The header and trailer (CRC-32 and length) are checked here.
 */
final class BoundedGunzip {
  private static final int MIN_BUFFER = 8 * 1024;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int TRAILER = 8;

  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

  private BoundedGunzip() {}

  static boolean isGzip(byte[] bytes, int offset, int length) {
    return length >= 2 && bytes[offset] == (byte) 0x1f && bytes[offset + 1] == (byte) 0x8b;
  }

  /**
   * The inflated bytes; the array may be longer than the data, the length is in {@link
   * Inflated#length()}.
   */
  static Inflated inflate(byte[] bytes, int offset, int length, long maxBytes) throws AlertDecodeException {
    long cap = maxBytes + 1; // one byte past the limit proves the limit was exceeded
    byte[] out = new byte[(int) Math.min(cap, initialCapacity(bytes, offset, length))];
    int n = 0;
    int at = offset;
    int end = offset + length;
    Inflater inflater = INFLATERS.get();
    CRC32 crc = new CRC32();
    do { // one gzip member per pass; further members are concatenated, as gunzip does
      at = skipHeader(bytes, at, end);
      inflater.reset();
      inflater.setInput(bytes, at, end - at);
      int memberStart = n;
      try {
        while (!inflater.finished()) {
          if (n == out.length) {
            if (n > maxBytes) {
              throw bomb(maxBytes);
            }
            out = Arrays.copyOf(out, (int) Math.min(cap, 2L * out.length));
          }
          int r = inflater.inflate(out, n, out.length - n);
          n += r;
          if (n > maxBytes) {
            throw bomb(maxBytes);
          }
          if (r == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
            throw truncated("compressed data ends early");
          }
        }
      } catch (DataFormatException e) {
        throw new AlertDecodeException(RejectReason.TRUNCATED_GZIP, "corrupt gzip cutout: " + e.getMessage(), e);
      }
      at = end - inflater.getRemaining();
      if (end - at < TRAILER) {
        throw truncated("trailer missing");
      }
      crc.reset();
      crc.update(out, memberStart, n - memberStart);
      if ((int) crc.getValue() != littleEndianInt(bytes, at)) {
        throw new AlertDecodeException(RejectReason.TRUNCATED_GZIP, "corrupt gzip cutout: CRC-32 of the data disagrees with the trailer");
      }
      if (n - memberStart != littleEndianInt(bytes, at + 4)) {
        throw new AlertDecodeException(RejectReason.TRUNCATED_GZIP, "corrupt gzip cutout: length disagrees with the trailer");
      }
      at += TRAILER;
    } while (isGzip(bytes, at, end - at));
    return new Inflated(out, n);
  }

  /**
   * The size the trailer announces (of the last member: a stamp has one), plus one byte so that
   * the call that reaches the end of the stream has room and no copy follows; a guess from the
   * compressed length when the trailer is missing or implausible. Only a first size: a lying
   * trailer costs copies, never a wrong result, and the limit holds whatever it says.
   */
  private static long initialCapacity(byte[] bytes, int offset, int length) {
    long guess = Math.max(MIN_BUFFER, 4L * length);
    if (length < TRAILER) {
      return guess;
    }
    long announced = Integer.toUnsignedLong(littleEndianInt(bytes, offset + length - 4));
    return announced > 0 && announced < 1024L * length ? announced + 1 : guess;
  }

  /** Position of the deflate data after the member header starting at {@code at}. */
  private static int skipHeader(byte[] b, int at, int end) throws AlertDecodeException {
    if (end - at < 10) {
      throw truncated("header cut short");
    }
    if (!isGzip(b, at, end - at) || b[at + 2] != 8) {
      throw new AlertDecodeException(RejectReason.TRUNCATED_GZIP, "corrupt gzip cutout: not a deflate gzip header");
    }
    int flags = b[at + 3] & 0xff;
    int p = at + 10;
    if ((flags & FEXTRA) != 0) {
      if (end - p < 2) {
        throw truncated("header cut short");
      }
      p += 2 + ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8);
    }
    if ((flags & FNAME) != 0) {
      p = afterZeroTerminated(b, p, end);
    }
    if ((flags & FCOMMENT) != 0) {
      p = afterZeroTerminated(b, p, end);
    }
    if ((flags & FHCRC) != 0) {
      p += 2;
    }
    if (p > end) {
      throw truncated("header cut short");
    }
    return p;
  }

  private static int afterZeroTerminated(byte[] b, int p, int end) throws AlertDecodeException {
    while (p < end) {
      if (b[p++] == 0) {
        return p;
      }
    }
    throw truncated("header cut short");
  }

  private static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }

  private static AlertDecodeException truncated(String what) {
    return new AlertDecodeException(RejectReason.TRUNCATED_GZIP, "gzip cutout ends early: " + what);
  }

  private static AlertDecodeException bomb(long maxBytes) {
    return new AlertDecodeException(
        RejectReason.DECOMPRESSION_BOMB, "gzip cutout inflates past the limit of " + maxBytes + " bytes");
  }

  record Inflated(byte[] bytes, int length) {}
}
