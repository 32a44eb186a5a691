package org.nightjar.app.replay;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * so decoding each copy anew would parse, and keep, a new schema per message. Re-encoding a copy
 * costs more than Nightjar spends scoring it, so ids in {@link #FAST_IDS} are written into a
 * template instead: an Avro long in that range always takes ten bytes, so a template encoded
 * once under a marker id of that range is copied and the marker's bytes are overwritten, with no
 * length or block size to change (the container is written uncompressed).
 *
 * <p>Copies of packets written with equal schemas share one parsed schema: a sample of a few
 * hundred packets with a dozen schemas kept a few hundred parsed copies, a million and a half
 * small objects that every full collection of the replaying process had to trace.
 *
 * <p>Thread-safe.
 */
public final class FreshAlertIds {
  /** Ids from 2^62 up: their zig-zag varint is ten bytes long. */
  public static final long FAST_IDS = 1L << 62;
  private static final long MARKER = 0x4E49_4748_544A_4152L; // in FAST_IDS, and no real candid
  private static final int VARINT_BYTES = 10;
  private static final Map<Schema, Schema> SHARED_SCHEMAS = new ConcurrentHashMap<>();

  private final Schema schema;
  private final GenericRecord alert;
  private final byte[] template;
  private final int[] markerOffsets;

  private FreshAlertIds(Schema schema, GenericRecord alert) throws IOException {
    this.schema = schema;
    this.alert = alert;
    this.template = encode(MARKER);
    this.markerOffsets = find(template, varint(MARKER));
  }

  /** @throws IOException when the packet is not a ZTF alert container */
  public static FreshAlertIds of(byte[] ztfPacket) throws IOException {
    GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>();
    try (DataFileStream<GenericRecord> in = new DataFileStream<>(new ByteArrayInputStream(ztfPacket), reader)) {
      Schema schema = SHARED_SCHEMAS.computeIfAbsent(in.getSchema(), s -> s);
      if (!in.hasNext() || schema.getField("candid") == null) {
        throw new IOException("not a ZTF alert container");
      }
      reader.setExpected(schema); // the record is built on the shared schema, not the packet's own copy
      return new FreshAlertIds(schema, in.next());
    } catch (RuntimeException e) {
      throw new IOException("not a readable alert container: " + e.getMessage(), e);
    }
  }

  /** The writer schema of the packet, shared with every other packet written with an equal one. */
  Schema schema() {
    return schema;
  }

  /** The packet as an object container again, under {@code alertId}. */
  public byte[] withAlertId(long alertId) throws IOException {
    if (alertId >= FAST_IDS && markerOffsets.length > 0) {
      byte[] copy = template.clone();
      byte[] id = varint(alertId);
      for (int offset : markerOffsets) {
        System.arraycopy(id, 0, copy, offset, VARINT_BYTES);
      }
      return copy;
    }
    return encode(alertId);
  }

  private synchronized byte[] encode(long alertId) throws IOException {
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

  /** Avro's encoding of a long: zig-zag, then 7 bits a byte, low bits first. */
  static byte[] varint(long value) {
    long n = (value << 1) ^ (value >> 63);
    byte[] out = new byte[VARINT_BYTES];
    int i = 0;
    while ((n & ~0x7FL) != 0) {
      out[i++] = (byte) ((n & 0x7F) | 0x80);
      n >>>= 7;
    }
    out[i++] = (byte) n;
    return i == VARINT_BYTES ? out : Arrays.copyOf(out, i);
  }

  private static int[] find(byte[] haystack, byte[] needle) {
    List<Integer> at = new ArrayList<>();
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      at.add(i);
    }
    return at.stream().mapToInt(Integer::intValue).toArray();
  }
}
