package org.nightjar.app.topology;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.nightjar.schemas.ScoresEncoding;
import org.nightjar.schemas.avro.AlertScores;

/** Serialisation of what crosses the broker between and out of the stages. */
final class OutcomeSerdes {
  private OutcomeSerdes() {}

  /** A decoded alert on the repartition topic: its alert id (8 bytes) then the envelope. */
  static Serde<Outcome> decodedEnvelope() {
    Serializer<Outcome> ser = (topic, o) -> {
      if (o == null) {
        return null;
      }
      return o.envelope().toBytes(Long.BYTES, b -> b.putLong(((Outcome.Decoded) o).alertId()));
    };
    Deserializer<Outcome> de = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      long alertId = ByteBuffer.wrap(bytes).getLong();
      return new Outcome.Decoded(AlertEnvelope.fromBytes(bytes, Long.BYTES), alertId);
    };
    return Serdes.serdeFrom(ser, de);
  }

  static byte[] scoresBytes(AlertScores scores) {
    return ScoresEncoding.encode(scores);
  }

  static Serde<AlertTopology.TaggedPacket> taggedPacketPayload() {
    Serializer<AlertTopology.TaggedPacket> ser = (topic, p) -> p == null ? null : p.payload();
    Deserializer<AlertTopology.TaggedPacket> de = (topic, bytes) -> {
      throw new UnsupportedOperationException("tagged packets are only written");
    };
    return Serdes.serdeFrom(ser, de);
  }
}
