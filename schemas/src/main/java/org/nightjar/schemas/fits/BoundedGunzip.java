package org.nightjar.schemas.fits;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.RejectReason;

/**
 * Inflates gzip bytes into a buffer that grows only as real output arrives and never past the
 * limit: the size a gzip trailer claims is never trusted, so a decompression bomb costs at most
 * about twice the limit in memory before it is refused.
 */
final class BoundedGunzip {
  private static final int MIN_BUFFER = 8 * 1024;

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
    int initial = (int) Math.min(cap, Math.max(MIN_BUFFER, 4L * length));
    byte[] out = new byte[initial];
    int n = 0;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes, offset, length), 8192)) {
      while (true) {
        if (n == out.length) {
          if (n > maxBytes) {
            throw bomb(maxBytes);
          }
          out = Arrays.copyOf(out, (int) Math.min(cap, 2L * out.length));
        }
        int r = in.read(out, n, out.length - n);
        if (r < 0) {
          break;
        }
        n += r;
        if (n > maxBytes) {
          throw bomb(maxBytes);
        }
      }
    } catch (EOFException e) {
      throw new AlertDecodeException(RejectReason.TRUNCATED_GZIP, "gzip cutout ends early: " + e.getMessage(), e);
    } catch (IOException e) {
      // ZipException: bad header, corrupt deflate data, or a trailer whose CRC/size disagree
      throw new AlertDecodeException(RejectReason.TRUNCATED_GZIP, "corrupt gzip cutout: " + e.getMessage(), e);
    }
    return new Inflated(out, n);
  }

  private static AlertDecodeException bomb(long maxBytes) {
    return new AlertDecodeException(
        RejectReason.DECOMPRESSION_BOMB, "gzip cutout inflates past the limit of " + maxBytes + " bytes");
  }

  record Inflated(byte[] bytes, int length) {}
}
