package org.nightjar.app.replay;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * A copy of a ZTF packet (one Avro object container) under another alert id: {@code candid} and
 * {@code candidate.candid} replaced, everything else (stamps, photometry, schema) as it was. For
 * long runs that replay a small real sample many times as distinct alerts, which deduplication
 * would otherwise rightly drop.
 */
public final class FreshAlertIds {

  private FreshAlertIds() {}

  public static byte[] withAlertId(byte[] ztfPacket, long alertId) throws IOException {
    try (DataFileStream<GenericRecord> in = new DataFileStream<>(new ByteArrayInputStream(ztfPacket),
        new GenericDatumReader<>())) {
      Schema schema = in.getSchema();
      if (!in.hasNext() || schema.getField("candid") == null) {
        throw new IOException("not a ZTF alert container");
      }
      GenericRecord alert = in.next();
      alert.put("candid", alertId);
      if (alert.get("candidate") instanceof GenericRecord candidate && candidate.getSchema().getField("candid") != null) {
        candidate.put("candid", alertId);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(ztfPacket.length + 1024);
      try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
        writer.create(schema, out);
        writer.append(alert);
      }
      return out.toByteArray();
    }
  }
}
