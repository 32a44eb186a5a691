package org.nightjar.app.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An alert packet's original bytes with its source coordinates: the value of the internal
 * repartition topic and of the batch buffer store.
 */
public record AlertEnvelope(byte[] payload, SourceRef source) {
  private static final byte FORMAT_VERSION = 1;

  public AlertEnvelope {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(source, "source");
  }

  /** Binary layout: version, topic length + UTF-8, partition, offset, timestamp, payload. */
  public byte[] toBytes() {
    return toBytes(0, b -> {});
  }

  /**
   * The same after {@code prefixLength} bytes that {@code prefix} writes first: one array, with
   * no copy of the payload beyond the one into it.
   */
  byte[] toBytes(int prefixLength, Consumer<ByteBuffer> prefix) {
    byte[] topic = source.topic().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(prefixLength + 1 + 4 + topic.length + 4 + 8 + 8 + payload.length);
    prefix.accept(b);
    if (b.position() != prefixLength) {
      throw new IllegalStateException("prefix wrote " + b.position() + " bytes, not " + prefixLength);
    }
    b.put(FORMAT_VERSION).putInt(topic.length).put(topic)
        .putInt(source.partition()).putLong(source.offset()).putLong(source.timestamp()).put(payload);
    return b.array();
  }

  public static AlertEnvelope fromBytes(byte[] bytes) {
    return fromBytes(bytes, 0);
  }

  /** The envelope that starts at {@code offset} and runs to the end of {@code bytes}. */
  public static AlertEnvelope fromBytes(byte[] bytes, int offset) {
    ByteBuffer b = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    byte version = b.get();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException("unknown envelope format version " + version);
    }
    byte[] topic = new byte[b.getInt()];
    b.get(topic);
    SourceRef source = new SourceRef(new String(topic, StandardCharsets.UTF_8), b.getInt(), b.getLong(), b.getLong());
    byte[] payload = new byte[b.remaining()];
    b.get(payload);
    return new AlertEnvelope(payload, source);
  }
}
