package org.nightjar.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A minimal, bounds-checked reader of the Avro Object Container File layout over one message:
 * magic, metadata map ({@code avro.schema}, {@code avro.codec}), 16-byte sync marker, then blocks
 * of (record count, byte size, data, sync). It locates the writer schema's bytes without parsing
 * them (so the parsed schema can be cached by its text) and hands out the first non-empty block.
 * Supports the {@code null} and {@code deflate} codecs.
 */
final class ObjectContainer {
  static final byte[] MAGIC = {'O', 'b', 'j', 1};
  private static final int SYNC_SIZE = 16;
  /** Largest inflated block accepted from a deflate-compressed container. */
  private static final int MAX_INFLATED_BLOCK = 16 << 20;

  private final byte[] message;
  private final int schemaOffset;
  private final int schemaLength;
  private final String codec;
  private final int syncOffset;
  private final int blocksOffset;

  private ObjectContainer(byte[] message, int schemaOffset, int schemaLength, String codec, int syncOffset) {
    this.message = message;
    this.schemaOffset = schemaOffset;
    this.schemaLength = schemaLength;
    this.codec = codec;
    this.syncOffset = syncOffset;
    this.blocksOffset = syncOffset + SYNC_SIZE;
  }

  static boolean hasMagic(byte[] message) {
    return message.length >= MAGIC.length
        && message[0] == MAGIC[0] && message[1] == MAGIC[1] && message[2] == MAGIC[2] && message[3] == MAGIC[3];
  }

  /** Reads the header: metadata and sync marker. */
  static ObjectContainer open(byte[] message) throws AlertDecodeException {
    Cursor c = new Cursor(message, MAGIC.length);
    int schemaOffset = -1;
    int schemaLength = 0;
    String codec = "null";
    long count = c.readLong();
    while (count != 0) {
      if (count < 0) {
        count = -count;
        c.readLong(); // block byte size, unused
      }
      if (count > message.length) {
        throw corrupt("metadata map claims " + count + " entries");
      }
      for (long i = 0; i < count; i++) {
        int keyLength = c.readLength();
        String key = new String(message, c.pos, keyLength, StandardCharsets.UTF_8);
        c.pos += keyLength;
        int valueLength = c.readLength();
        if (key.equals("avro.schema")) {
          schemaOffset = c.pos;
          schemaLength = valueLength;
        } else if (key.equals("avro.codec")) {
          codec = new String(message, c.pos, valueLength, StandardCharsets.UTF_8);
        }
        c.pos += valueLength;
      }
      count = c.readLong();
    }
    if (schemaOffset < 0) {
      throw corrupt("header has no avro.schema");
    }
    if (!codec.equals("null") && !codec.equals("deflate")) {
      throw corrupt("unsupported codec '" + codec + "'");
    }
    c.require(SYNC_SIZE);
    return new ObjectContainer(message, schemaOffset, schemaLength, codec, c.pos);
  }

  int schemaOffset() {
    return schemaOffset;
  }

  int schemaLength() {
    return schemaLength;
  }

  String schemaText() {
    return new String(message, schemaOffset, schemaLength, StandardCharsets.UTF_8);
  }

  /**
   * The first block holding at least one record, its data inflated; null when the container holds
   * no record. Every block up to it must end with the header's sync marker.
   */
  Block firstRecordBlock() throws AlertDecodeException {
    Cursor c = new Cursor(message, blocksOffset);
    while (c.pos < message.length) {
      long count = c.readLong();
      int size = c.readLength();
      if (count < 0) {
        throw corrupt("block claims " + count + " records");
      }
      int dataOffset = c.pos;
      c.pos += size;
      c.require(SYNC_SIZE);
      if (!Arrays.equals(message, c.pos, c.pos + SYNC_SIZE, message, syncOffset, syncOffset + SYNC_SIZE)) {
        throw corrupt("sync marker mismatch after block at byte " + dataOffset);
      }
      c.pos += SYNC_SIZE;
      if (count > 0) {
        return codec.equals("deflate")
            ? new Block(inflate(dataOffset, size), 0, -1, count)
            : new Block(message, dataOffset, size, count);
      }
    }
    return null;
  }

  private byte[] inflate(int offset, int size) throws AlertDecodeException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(message, offset, size);
      byte[] out = new byte[Math.max(1024, Math.min(MAX_INFLATED_BLOCK, 4 * size))];
      int n = 0;
      while (!inflater.finished()) {
        if (n == out.length) {
          if (out.length >= MAX_INFLATED_BLOCK) {
            throw corrupt("deflate block inflates past " + MAX_INFLATED_BLOCK + " bytes");
          }
          out = Arrays.copyOf(out, Math.min(MAX_INFLATED_BLOCK, 2 * out.length));
        }
        int r = inflater.inflate(out, n, out.length - n);
        if (r == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw corrupt("deflate block ends early");
        }
        n += r;
      }
      return Arrays.copyOf(out, n);
    } catch (DataFormatException e) {
      throw new AlertDecodeException(RejectReason.CORRUPT_CONTAINER, "corrupt deflate block: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** Records of one block: bytes[offset, offset + length) (length -1: to the end of bytes). */
  record Block(byte[] bytes, int offset, int length, long count) {
    int end() {
      return length < 0 ? bytes.length : offset + length;
    }
  }

  private static AlertDecodeException corrupt(String message) {
    return new AlertDecodeException(RejectReason.CORRUPT_CONTAINER, "corrupt Avro container: " + message);
  }

  /** Avro zig-zag varints over a byte array, every read bounds-checked. */
  private static final class Cursor {
    private final byte[] bytes;
    int pos;

    Cursor(byte[] bytes, int pos) {
      this.bytes = bytes;
      this.pos = pos;
    }

    long readLong() throws AlertDecodeException {
      long raw = 0;
      for (int shift = 0; shift < 70; shift += 7) {
        if (pos >= bytes.length) {
          throw corrupt("ends inside a number at byte " + pos);
        }
        int b = bytes[pos++] & 0xff;
        raw |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return (raw >>> 1) ^ -(raw & 1);
        }
      }
      throw corrupt("malformed number at byte " + pos);
    }

    /** A non-negative length that fits in what is left of the message. */
    int readLength() throws AlertDecodeException {
      long n = readLong();
      if (n < 0 || n > bytes.length - pos) {
        throw corrupt("length " + n + " at byte " + pos + " runs past the end (" + bytes.length + " bytes)");
      }
      return (int) n;
    }

    void require(int n) throws AlertDecodeException {
      if (pos < 0 || n > bytes.length - pos) {
        throw corrupt("ends early at byte " + pos + " of " + bytes.length);
      }
    }
  }
}
