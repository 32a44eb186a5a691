package org.nightjar.models.xd;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads raw little-endian IEEE-754 binary64 arrays (optionally one gzip stream, by a {@code .gz}
 * file name) in chunks, so an 80 MB file needs no second 80 MB byte buffer.
 *
 * <p>Stateless; thread-safe.
 */
public final class Float64Files {

  private static final int CHUNK = 1 << 16;

  private Float64Files() {}

  /** Reads exactly {@code count} doubles from the file. */
  public static double[] read(Path file, int count) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz")
            ? new GZIPInputStream(raw, CHUNK) : new BufferedInputStream(raw, CHUNK)) {
      return read(in, count);
    }
  }

  /** Reads exactly {@code count} doubles from the stream. */
  public static double[] read(InputStream in, int count) throws IOException {
    double[] out = new double[count];
    byte[] buf = new byte[CHUNK];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    int done = 0;
    while (done < count) {
      int want = Math.min(CHUNK, (count - done) * 8);
      int got = in.readNBytes(buf, 0, want);
      if (got < want) {
        throw new EOFException("expected " + count + " doubles, stream ended after " + (done + got / 8));
      }
      bb.clear();
      bb.asDoubleBuffer().get(out, done, want / 8);
      done += want / 8;
    }
    return out;
  }
}
