package org.nightjar.app.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

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
    byte[] topic = source.topic().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(1 + 4 + topic.length + 4 + 8 + 8 + payload.length);
    b.put(FORMAT_VERSION).putInt(topic.length).put(topic)
        .putInt(source.partition()).putLong(source.offset()).putLong(source.timestamp()).put(payload);
    return b.array();
  }

  public static AlertEnvelope fromBytes(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
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
