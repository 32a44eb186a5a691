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
 * Copies of one ZTF packet (one Avro object container) under other alert ids: {@code candid} and
 * {@code candidate.candid} replaced, everything else (stamps, photometry, schema) as it was. For
 * long runs that replay a small real sample many times as distinct alerts, which deduplication
 * would otherwise rightly drop.
 *
 * <p>The packet is decoded once: Avro keeps a resolver for every schema instance it reads with,
 * so decoding each copy anew would parse, and keep, a new schema per message.
 *
 * <p>Thread-safe.
 */
public final class FreshAlertIds {

  private final Schema schema;
  private final GenericRecord alert;

  private FreshAlertIds(Schema schema, GenericRecord alert) {
    this.schema = schema;
    this.alert = alert;
  }

  /** @throws IOException when the packet is not a ZTF alert container */
  public static FreshAlertIds of(byte[] ztfPacket) throws IOException {
    try (DataFileStream<GenericRecord> in = new DataFileStream<>(new ByteArrayInputStream(ztfPacket),
        new GenericDatumReader<>())) {
      Schema schema = in.getSchema();
      if (!in.hasNext() || schema.getField("candid") == null) {
        throw new IOException("not a ZTF alert container");
      }
      return new FreshAlertIds(schema, in.next());
    } catch (RuntimeException e) {
      throw new IOException("not a readable alert container: " + e.getMessage(), e);
    }
  }

  /** The packet as an object container again, under {@code alertId}. */
  public synchronized byte[] withAlertId(long alertId) throws IOException {
    alert.put("candid", alertId);
    if (alert.get("candidate") instanceof GenericRecord candidate && candidate.getSchema().getField("candid") != null) {
      candidate.put("candid", alertId);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.create(schema, out);
      writer.append(alert);
    }
    return out.toByteArray();
  }
}
