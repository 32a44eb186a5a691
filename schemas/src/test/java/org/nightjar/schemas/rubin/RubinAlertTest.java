package org.nightjar.schemas.rubin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;

class RubinAlertTest {
  private static final AlertCodec CODEC = AlertCodec.withDefaults();
  private static final String FINK_9 = "rubin/169298432603193359_169298432603193359.avro";

  private static GenericRecord record() {
    return BadAlerts.readRecord(SampleAlerts.read(FINK_9));
  }

  private static Alert decode(GenericRecord r) throws AlertDecodeException {
    return CODEC.decode(BadAlerts.writeContainer(r.getSchema(), List.of(r)));
  }

  @Test
  void shouldUseTheSolarSystemObjectWhenThereIsNoDiaObject() throws Exception {
    GenericRecord r = record();
    GenericRecord dia = (GenericRecord) r.get("diaSource");
    dia.put("diaObjectId", null);
    dia.put("ssObjectId", 21_000_123L);
    assertEquals("21000123", decode(r).objectId());
    dia.put("diaObjectId", 0L);
    assertEquals("21000123", decode(r).objectId());
  }

  @Test
  void shouldRejectAnAlertWithoutAnyObject() {
    GenericRecord r = record();
    GenericRecord dia = (GenericRecord) r.get("diaSource");
    dia.put("diaObjectId", null);
    dia.put("ssObjectId", 0L);
    AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> decode(r));
    assertEquals(RejectReason.MISSING_FIELD, e.reason());
    assertTrue(e.getMessage().contains("diaObjectId"), e.getMessage());
  }

  @Test
  void shouldRejectAnAlertWithoutTimeOrPosition() {
    for (String field : new String[] {"midpointMjdTai", "ra", "dec"}) {
      GenericRecord r = record();
      ((GenericRecord) r.get("diaSource")).put(field, null);
      AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> decode(r));
      assertEquals(RejectReason.MISSING_FIELD, e.reason());
      assertTrue(e.getMessage().contains(field), e.getMessage());
    }
  }

  @Test
  void shouldHaveNoPhotometryWithoutFluxError() throws Exception {
    GenericRecord r = record();
    ((GenericRecord) r.get("diaSource")).put("psfFluxErr", Float.NaN);
    Alert alert = decode(r);
    assertTrue(alert.photometry().isEmpty());
    assertTrue(Double.isNaN(alert.number("psfFluxErr").orElseThrow()));
    assertTrue(alert.number("noSuchField").isEmpty());
    assertEquals("i", alert.text("band").orElseThrow());
    assertTrue(alert.text("psfFlux").isEmpty());
  }
}
