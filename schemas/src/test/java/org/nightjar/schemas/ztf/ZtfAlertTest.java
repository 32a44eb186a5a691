package org.nightjar.schemas.ztf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;

class ZtfAlertTest {
  private static final AlertCodec CODEC = AlertCodec.withDefaults();

  private static GenericRecord fink() {
    return BadAlerts.readRecord(SampleAlerts.read(BadAlerts.FINK_ZTF));
  }

  private static Alert decode(GenericRecord r) throws AlertDecodeException {
    return CODEC.decode(BadAlerts.writeContainer(r.getSchema(), List.of(r)));
  }

  private static GenericRecord candidate(GenericRecord r) {
    return (GenericRecord) r.get("candidate");
  }

  @Test
  void shouldMapFilterIdsToBands() throws Exception {
    GenericRecord r = fink();
    candidate(r).put("fid", 3);
    assertEquals("i", decode(r).band().orElseThrow());
    candidate(r).put("fid", 1);
    assertEquals("g", decode(r).band().orElseThrow());
    candidate(r).put("fid", 7);
    assertTrue(decode(r).band().isEmpty());
    candidate(r).put("fid", null);
    assertTrue(decode(r).band().isEmpty());
  }

  @Test
  void shouldSignFluxByIsdiffpos() throws Exception {
    GenericRecord r = fink();
    candidate(r).put("isdiffpos", "1");
    assertTrue(decode(r).photometry().orElseThrow().flux() > 0);
    candidate(r).put("isdiffpos", "0");
    assertTrue(decode(r).photometry().orElseThrow().flux() < 0);
    candidate(r).put("magpsf", null);
    assertTrue(decode(r).photometry().isEmpty());
  }

  @Test
  void shouldFallBackToTheCandidateCandid() throws Exception {
    GenericRecord r = fink();
    r.put("candid", null);
    assertEquals(2481117360515010000L, decode(r).alertId());
  }

  @Test
  void shouldRejectMissingTimeOrPosition() {
    for (String field : new String[] {"jd", "ra", "dec"}) {
      GenericRecord r = fink();
      candidate(r).put(field, null);
      AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> decode(r));
      assertEquals(RejectReason.MISSING_FIELD, e.reason());
      assertTrue(e.getMessage().contains("candidate." + field), e.getMessage());
    }
  }

  @Test
  void shouldReadCandidateFieldsByName() throws Exception {
    Alert alert = CODEC.decode(SampleAlerts.read(BadAlerts.FINK_ZTF));
    assertEquals(0.08738863468170166, alert.number("distnr").orElseThrow(), 1e-9);
    assertEquals("f", alert.text("isdiffpos").orElseThrow());
    assertTrue(alert.number("isdiffpos").isEmpty());
    assertTrue(alert.text("jd").isEmpty());
    assertTrue(alert.number("noSuchField").isEmpty());
  }

  @Test
  void shouldDecodeDeflateAndMultiRecordContainers() throws Exception {
    GenericRecord first = fink();
    GenericRecord second = fink();
    second.put("candid", 42L);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(first.getSchema()))) {
      w.setCodec(CodecFactory.deflateCodec(6));
      w.create(first.getSchema(), out);
      w.append(first);
      w.append(second);
    }
    Alert alert = CODEC.decode(out.toByteArray());
    assertEquals(2481117360515010000L, alert.alertId(), "the first record of the container");
    assertEquals(63, alert.cutout(org.nightjar.schemas.CutoutKind.SCIENCE).orElseThrow().width());
  }

  @Test
  void shouldRejectContainersOfUnsupportedCodecs() throws Exception {
    GenericRecord r = fink();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(r.getSchema()))) {
      w.setCodec(CodecFactory.bzip2Codec());
      w.create(r.getSchema(), out);
      w.append(r);
    }
    AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> CODEC.decode(out.toByteArray()));
    assertEquals(RejectReason.CORRUPT_CONTAINER, e.reason());
    assertTrue(e.getMessage().contains("bzip2"), e.getMessage());
  }
}
