package org.nightjar.schemas.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.RejectReason;

/**
 * Broken messages, one per way a message can be bad, each with the {@link RejectReason} it must
 * earn. Except where noted they are derived from real packets of the {@link SampleAlerts sample}:
 * a ZTF container as ZTF writes it ({@link #OFFICIAL_ZTF}), one as Fink re-writes it
 * ({@link #FINK_ZTF}), and a Rubin Confluent frame ({@link #RUBIN_FRAME}).
 *
 * <p>Two stages fail: most cases fail in {@code AlertCodec.decode}; the cutout cases decode to an
 * alert whose {@link Case#failingCutout() failing cutout} throws on {@code cutout(kind)} (the
 * packet is the real one re-encoded with the same writer schema, only that stamp replaced).
 * Every factory returns fresh arrays. Thread-safe.
 */
public final class BadAlerts {
  /** A ZTF packet as ZTF writes it: writer schema {@code ztf.alert} 4.01, fields not nullable. */
  public static final String OFFICIAL_ZTF = "ztf/2475433850015015000.avro";
  /** A ZTF packet re-written by Fink: {@code topLevelRecord}, every field a union with null. */
  public static final String FINK_ZTF = "ztf/2481117360515010000.avro";
  /** A Rubin alert in Confluent wire format, schema id 900. */
  public static final String RUBIN_FRAME = "rubin-confluent/7912941781254298.avro";
  /** The schema id used for {@link #unknownSchemaId()}. */
  public static final int UNKNOWN_ID = 4242;
  /** Size the {@link #decompressionBomb()} stamp inflates to: 64 MiB of zeros. */
  public static final long BOMB_INFLATED_BYTES = 64L << 20;

  private static byte[] bombStamp;

  private BadAlerts() {}

  /**
   * One bad message.
   *
   * @param name a short identifier, usable as a test display name
   * @param failingCutout empty when {@code decode} itself must fail; else the stamp whose {@code
   *     cutout(kind)} must fail after a successful decode
   */
  public record Case(String name, byte[] message, RejectReason expected, Optional<CutoutKind> failingCutout) {
    public Case {
      Objects.requireNonNull(name);
      message = message.clone();
    }

    /** A copy of the message bytes. */
    @Override
    public byte[] message() {
      return message.clone();
    }

    @Override
    public String toString() {
      return name + " -> " + expected.code();
    }
  }

  /** Every case, decode failures first. */
  public static List<Case> all() {
    return List.of(
        notAvro(), corruptBlock(), brokenSyncMarker(), truncatedContainer(), emptyContainer(),
        unknownSchemaId(), trailingBytesAfterFrame(), unknownSchema(), missingCandid(), missingObjectId(),
        truncatedGzipCutout(), badGzipChecksum(), cutoutNotFits(), bitpix7(), naxis1Eight(),
        naxis1HundredThousand(), dataShorterThanHeader(), decompressionBomb());
  }

  /** Plain text: neither a container, nor a Confluent frame (and no raw schema configured). */
  public static Case notAvro() {
    byte[] text = "{\"candid\": 2481117360515010000, \"objectId\": \"ZTF18absduqw\"}".getBytes(StandardCharsets.UTF_8);
    return decodeCase("not-avro", text, RejectReason.NOT_AVRO);
  }

  /** A ZTF container whose record data is damaged (its first length becomes negative). */
  public static Case corruptBlock() {
    byte[] m = SampleAlerts.read(OFFICIAL_ZTF);
    m[blockDataOffset(m)] = 0x7f; // zig-zag -64: a negative string length
    return decodeCase("corrupt-block", m, RejectReason.CORRUPT_CONTAINER);
  }

  /** A ZTF container whose block ends with a sync marker that differs from the header's. */
  public static Case brokenSyncMarker() {
    byte[] m = SampleAlerts.read(OFFICIAL_ZTF);
    m[m.length - 1] ^= (byte) 0xff;
    return decodeCase("broken-sync-marker", m, RejectReason.CORRUPT_CONTAINER);
  }

  /** A ZTF container cut off in the middle of its block. */
  public static Case truncatedContainer() {
    byte[] m = SampleAlerts.read(FINK_ZTF);
    return decodeCase("truncated-container", Arrays.copyOf(m, m.length * 3 / 5), RejectReason.CORRUPT_CONTAINER);
  }

  /** A container with the real ZTF writer schema and no record (Fink's history holds such files). */
  public static Case emptyContainer() {
    Schema schema = readRecord(SampleAlerts.read(FINK_ZTF)).getSchema();
    return decodeCase("empty-container", writeContainer(schema, List.of()), RejectReason.EMPTY_CONTAINER);
  }

  /** A real Rubin Confluent frame whose schema id is changed to {@link #UNKNOWN_ID}. */
  public static Case unknownSchemaId() {
    byte[] m = SampleAlerts.read(RUBIN_FRAME);
    ByteBuffer.wrap(m, 1, 4).putInt(UNKNOWN_ID);
    return decodeCase("unknown-schema-id", m, RejectReason.UNKNOWN_SCHEMA_ID);
  }

  /** A real Rubin Confluent frame followed by garbage. */
  public static Case trailingBytesAfterFrame() {
    byte[] m = SampleAlerts.read(RUBIN_FRAME);
    byte[] longer = Arrays.copyOf(m, m.length + 4);
    longer[m.length] = 0x42;
    longer[m.length + 1] = 0x17;
    return decodeCase("trailing-bytes-after-frame", longer, RejectReason.NOT_AVRO);
  }

  /** A well-formed container of a record that is no alert at all (synthetic). */
  public static Case unknownSchema() {
    Schema schema = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"WeatherReading\",\"namespace\":\"org.example\",\"fields\":["
            + "{\"name\":\"station\",\"type\":\"string\"},{\"name\":\"celsius\",\"type\":\"double\"}]}");
    GenericRecord r = new GenericData.Record(schema);
    r.put("station", "Palomar");
    r.put("celsius", 11.5);
    return decodeCase("unknown-schema", writeContainer(schema, List.of(r)), RejectReason.UNKNOWN_SCHEMA);
  }

  /** The Fink ZTF packet with {@code candid} null, at the top level and in {@code candidate}. */
  public static Case missingCandid() {
    GenericRecord r = readRecord(SampleAlerts.read(FINK_ZTF));
    r.put("candid", null);
    ((GenericRecord) r.get("candidate")).put("candid", null);
    return decodeCase("missing-candid", writeContainer(r.getSchema(), List.of(r)), RejectReason.MISSING_FIELD);
  }

  /** The official ZTF packet re-encoded with its writer schema minus the {@code objectId} field. */
  public static Case missingObjectId() {
    GenericRecord r = readRecord(SampleAlerts.read(OFFICIAL_ZTF));
    Schema s = r.getSchema();
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : s.getFields()) {
      if (!f.name().equals("objectId")) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    Schema without = Schema.createRecord(s.getName(), s.getDoc(), s.getNamespace(), false, fields);
    GenericRecord copy = new GenericData.Record(without);
    for (Schema.Field f : fields) {
      copy.put(f.name(), r.get(f.name()));
    }
    return decodeCase("missing-object-id", writeContainer(without, List.of(copy)), RejectReason.MISSING_FIELD);
  }

  /** The science stamp cut to half its gzip bytes. */
  public static Case truncatedGzipCutout() {
    byte[] stamp = realStamp();
    return cutoutCase("truncated-gzip", Arrays.copyOf(stamp, stamp.length / 2), RejectReason.TRUNCATED_GZIP);
  }

  /** The science stamp with its gzip CRC-32 damaged. */
  public static Case badGzipChecksum() {
    byte[] stamp = realStamp();
    stamp[stamp.length - 8] ^= (byte) 0xff; // trailer: CRC-32 then ISIZE, little-endian
    return cutoutCase("bad-gzip-checksum", stamp, RejectReason.TRUNCATED_GZIP);
  }

  /** A science stamp that gunzips to text, not FITS. */
  public static Case cutoutNotFits() {
    byte[] text = "this stamp was replaced by a PNG preview".repeat(20).getBytes(StandardCharsets.US_ASCII);
    return cutoutCase("not-fits", gzip(text), RejectReason.NOT_FITS);
  }

  /** The real science stamp with {@code BITPIX = 7}. */
  public static Case bitpix7() {
    return cutoutCase("bitpix-7", gzip(setCard(realFits(), "BITPIX", "7")), RejectReason.ABSURD_FITS_HEADER);
  }

  /** The real science stamp declaring {@code NAXIS1 = 8}, below the smallest plausible side. */
  public static Case naxis1Eight() {
    return cutoutCase("naxis1-8", gzip(setCard(realFits(), "NAXIS1", "8")), RejectReason.ABSURD_FITS_HEADER);
  }

  /** The real science stamp declaring {@code NAXIS1 = 100000}. */
  public static Case naxis1HundredThousand() {
    return cutoutCase("naxis1-100000", gzip(setCard(realFits(), "NAXIS1", "100000")), RejectReason.ABSURD_FITS_HEADER);
  }

  /** The real science stamp with only 1,000 of its 15,876 data bytes. */
  public static Case dataShorterThanHeader() {
    byte[] fits = realFits();
    return cutoutCase("data-shorter-than-header", gzip(Arrays.copyOf(fits, 2880 + 1000)), RejectReason.ABSURD_FITS_HEADER);
  }

  /** A science stamp of ~64 KB gzip that inflates to {@link #BOMB_INFLATED_BYTES} of zeros. */
  public static Case decompressionBomb() {
    return cutoutCase("decompression-bomb", bombStamp(), RejectReason.DECOMPRESSION_BOMB);
  }

  /**
   * A valid message: the Fink ZTF packet whose science stamp pixels are all NaN (a real header
   * kept); it decodes, and its science cutout is all non-finite.
   */
  public static byte[] allNanCutout() {
    byte[] fits = realFits();
    int dataStart = 2880;
    for (int i = dataStart; i + 4 <= fits.length && i < dataStart + 63 * 63 * 4; i += 4) {
      ByteBuffer.wrap(fits, i, 4).putFloat(Float.NaN);
    }
    return withStamp(SampleAlerts.read(FINK_ZTF), CutoutKind.SCIENCE, gzip(fits));
  }

  /** The gzip bytes of a stamp, as in a ZTF packet. */
  public static byte[] stampOf(byte[] ztfContainer, CutoutKind kind) {
    GenericRecord cutout = (GenericRecord) readRecord(ztfContainer).get(field(kind));
    ByteBuffer b = (ByteBuffer) cutout.get("stampData");
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  /** A ZTF container re-encoded with the same writer schema and one stamp replaced. */
  public static byte[] withStamp(byte[] ztfContainer, CutoutKind kind, byte[] stamp) {
    GenericRecord r = readRecord(ztfContainer);
    ((GenericRecord) r.get(field(kind))).put("stampData", ByteBuffer.wrap(stamp.clone()));
    return writeContainer(r.getSchema(), List.of(r));
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] gunzip(byte[] bytes) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code fits} with the value of header card {@code key} replaced (comment dropped). */
  public static byte[] setCard(byte[] fits, String key, String value) {
    byte[] out = fits.clone();
    String prefix = String.format("%-8s=", key);
    for (int pos = 0; pos + 80 <= out.length; pos += 80) {
      String card = new String(out, pos, 80, StandardCharsets.US_ASCII);
      if (card.startsWith(prefix)) {
        String replaced = String.format("%-8s= %20s", key, value);
        byte[] b = String.format("%-80s", replaced).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, out, pos, 80);
        return out;
      }
      if (card.startsWith("END     ")) {
        break;
      }
    }
    throw new IllegalArgumentException("no card " + key);
  }

  private static Case decodeCase(String name, byte[] message, RejectReason reason) {
    return new Case(name, message, reason, Optional.empty());
  }

  private static Case cutoutCase(String name, byte[] stamp, RejectReason reason) {
    byte[] message = withStamp(SampleAlerts.read(FINK_ZTF), CutoutKind.SCIENCE, stamp);
    return new Case(name, message, reason, Optional.of(CutoutKind.SCIENCE));
  }

  private static byte[] realStamp() {
    return stampOf(SampleAlerts.read(FINK_ZTF), CutoutKind.SCIENCE);
  }

  private static byte[] realFits() {
    return gunzip(realStamp());
  }

  private static synchronized byte[] bombStamp() {
    if (bombStamp == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
      byte[] zeros = new byte[64 * 1024];
      try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
        for (long written = 0; written < BOMB_INFLATED_BYTES; written += zeros.length) {
          gz.write(zeros);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bombStamp = out.toByteArray();
    }
    return bombStamp.clone();
  }

  private static String field(CutoutKind kind) {
    return switch (kind) {
      case SCIENCE -> "cutoutScience";
      case TEMPLATE -> "cutoutTemplate";
      case DIFFERENCE -> "cutoutDifference";
    };
  }

  /** Offset of the first block's data: after magic, metadata, sync, record count and size. */
  private static int blockDataOffset(byte[] container) {
    byte[] sync = Arrays.copyOfRange(container, container.length - 16, container.length);
    int pos = -1;
    for (int i = 4; i + 16 <= container.length; i++) {
      if (Arrays.equals(container, i, i + 16, sync, 0, 16)) {
        pos = i + 16;
        break;
      }
    }
    if (pos < 0) {
      throw new IllegalArgumentException("no sync marker");
    }
    for (int varints = 0; varints < 2; varints++) {
      while ((container[pos++] & 0x80) != 0) {
        // skip a varint
      }
    }
    return pos;
  }

  /** The first record of a container. */
  public static GenericRecord readRecord(byte[] container) {
    try (DataFileStream<GenericRecord> in =
        new DataFileStream<>(new ByteArrayInputStream(container), new GenericDatumReader<>())) {
      return in.next();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A null-codec container of {@code records}. */
  public static byte[] writeContainer(Schema schema, List<GenericRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      w.create(schema, out);
      for (GenericRecord r : records) {
        w.append(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
