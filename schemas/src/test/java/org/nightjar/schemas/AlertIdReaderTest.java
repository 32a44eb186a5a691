package org.nightjar.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;
import org.nightjar.schemas.ztf.ZtfAlert;

class AlertIdReaderTest {
  private static final AlertCodec CODEC = AlertCodec.withDefaults();

  /** A ZTF-shaped record: the id at the top (nullable), again in the candidate, and a large tail. */
  private static final Schema ZTF_LIKE = new Schema.Parser().parse("""
      {"type": "record", "name": "alert", "fields": [
        {"name": "objectId", "type": "string"},
        {"name": "candid", "type": ["null", "long"]},
        {"name": "candidate", "type": {"type": "record", "name": "candidate", "fields": [
          {"name": "jd", "type": "double"}, {"name": "candid", "type": "long"}]}},
        {"name": "tail", "type": "bytes"}]}""");

  static Stream<Arguments> sampleFiles() {
    return SampleAlerts.all().stream().map(p -> Arguments.of(SampleAlerts.relative(p), p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleFiles")
  void readsTheSameIdAsTheFullDecodeForEverySampleFile(String name, Path file) throws Exception {
    byte[] message = AlertFiles.read(file);
    assertEquals(Long.parseLong(SampleAlerts.index().get(name).get("alertId")), CODEC.alertId(message));
  }

  @Test
  void stopsReadingOnceTheTopLevelIdIsRead() throws Exception {
    byte[] full = encode(record(42L, 7L));
    // Everything after the top-level id cut off: the reader never gets there.
    byte[] head = Arrays.copyOf(full, 1 + "ZTF1".length() + 1 + 1);
    assertEquals(OptionalLong.of(42), reader().read(DecoderFactory.get().binaryDecoder(head, null)));
  }

  @Test
  void fallsBackToTheCandidateWhenTheTopLevelIdIsNull() throws Exception {
    assertEquals(OptionalLong.of(7), reader().read(DecoderFactory.get().binaryDecoder(encode(record(null, 7L)), null)));
  }

  @Test
  void aPlaceTheSchemaLacksPassesToTheNext() {
    Schema onlyCandidate = new Schema.Parser().parse("""
        {"type": "record", "name": "alert", "fields": [
          {"name": "candidate", "type": {"type": "record", "name": "candidate", "fields": [{"name": "candid", "type": "double"}]}}]}""");
    AlertIdReader r = AlertIdReader.of(onlyCandidate, ZtfAlert.ID_PLACES).orElseThrow();
    GenericRecord candidate = new GenericData.Record(onlyCandidate.getField("candidate").schema());
    candidate.put("candid", 123.0);
    GenericRecord alert = new GenericData.Record(onlyCandidate);
    alert.put("candidate", candidate);
    assertEquals(OptionalLong.of(123), read(r, alert));
    candidate.put("candid", 1.5); // not a whole number: no id, as in the full decode
    assertEquals(OptionalLong.empty(), read(r, alert));
  }

  @Test
  void aSchemaWithoutAnyPlaceHasNoReader() {
    Schema none = new Schema.Parser().parse("""
        {"type": "record", "name": "x", "fields": [{"name": "candid", "type": "string"}]}""");
    assertTrue(AlertIdReader.of(none, ZtfAlert.ID_PLACES).isEmpty());
  }

  @Test
  void messagesWithoutAReadableIdFailAsTheFullDecodeDoes() {
    for (BadAlerts.Case c : List.of(BadAlerts.notAvro(), BadAlerts.emptyContainer(), BadAlerts.unknownSchemaId(),
        BadAlerts.unknownSchema(), BadAlerts.missingCandid())) {
      AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> CODEC.alertId(c.message()), c.name());
      assertEquals(c.expected(), e.reason(), c.name());
    }
  }

  @Test
  void everyBadMessageEitherFailsWithTheFullDecodesReasonOrYieldsItsId() {
    for (BadAlerts.Case c : BadAlerts.all()) {
      try {
        long id = CODEC.alertId(c.message());
        assertTrue(id != 0, c.name());
      } catch (AlertDecodeException e) {
        assertEquals(c.failingCutout().isEmpty() ? c.expected() : null, e.reason(), c.name());
      }
    }
  }

  private static AlertIdReader reader() {
    return AlertIdReader.of(ZTF_LIKE, ZtfAlert.ID_PLACES).orElseThrow();
  }

  private static GenericRecord record(Long topId, long candidateId) {
    GenericRecord candidate = new GenericData.Record(ZTF_LIKE.getField("candidate").schema());
    candidate.put("jd", 2460000.5);
    candidate.put("candid", candidateId);
    GenericRecord alert = new GenericData.Record(ZTF_LIKE);
    alert.put("objectId", "ZTF1");
    alert.put("candid", topId);
    alert.put("candidate", candidate);
    alert.put("tail", java.nio.ByteBuffer.wrap(new byte[5000]));
    return alert;
  }

  private static OptionalLong read(AlertIdReader r, GenericRecord alert) {
    try {
      return r.read(DecoderFactory.get().binaryDecoder(encode(alert), null));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] encode(GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
