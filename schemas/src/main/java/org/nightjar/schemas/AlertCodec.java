package org.nightjar.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.nightjar.schemas.fits.CutoutDecoder;

/**
 * Turns one Kafka message value into an {@link Alert}, detecting the framing per message:
 *
 * <ol>
 *   <li><b>Avro Object Container File</b> ({@code Obj\x01}, writer schema inside; ZTF publishes one
 *       per message, Fink writes ZTF and Rubin alerts so): the first record is decoded with the
 *       embedded writer schema and read by field name. Parsed schemas are cached by their text.
 *   <li><b>Confluent wire format</b> (byte 0 = 0, bytes 1-4 = big-endian schema id): the schema comes
 *       from the shipped Rubin schemas (id = major*100 + minor), the configured schema directory,
 *       then the configured registry.
 *   <li><b>Raw Avro binary</b> with the configured {@link CodecSettings#rawWriterSchema()}; also
 *       tried for a would-be Confluent frame whose id is unknown.
 * </ol>
 *
 * <p>Failures are {@link AlertDecodeException}s carrying a {@link RejectReason}; corrupt input never
 * escapes as an unchecked exception. The one exception is an unreachable schema registry, an
 * infrastructure failure reported as {@link UncheckedIOException}. Cutouts are not decoded here
 * but on the first {@link Alert#cutout} call.
 *
 * <p>Thread-safe; construct once and share.
 */
public final class AlertCodec {
  private static final int MAX_CACHED_SCHEMAS = 256;
  private static final int RECENT_SCHEMAS = 4;
  private static final int CONFLUENT_HEADER = 5;

  private final CodecSettings settings;
  private final CutoutDecoder cutoutDecoder;
  private final SchemaDirectory directory;
  private final Optional<SchemaRegistryClient> registry;
  private final Optional<WriterPlan> rawPlan;
  private final ConcurrentHashMap<SchemaText, CachedPlan> containerPlans = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, WriterPlan> idPlans = new ConcurrentHashMap<>();
  /**
   * The plans of the last few container schemas seen, most recent first: a night's packets nearly
   * all share one, and a replay of an archive or several topics interleave a few.
   */
  private volatile CachedPlan[] recentContainerPlans = new CachedPlan[0];

  /**
   * Loads the schemas (classpath, then the settings' directory) and prepares the cutout decoder.
   *
   * @throws IllegalArgumentException when the schema directory cannot be read or parsed
   */
  public AlertCodec(CodecSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.cutoutDecoder = new CutoutDecoder(
        settings.maxInflatedCutoutBytes(), settings.minCutoutSide(), settings.maxCutoutSide());
    this.directory = SchemaDirectory.load(settings.schemaDirectory());
    this.registry = settings.registryUrl().map(SchemaRegistryClient::new);
    this.rawPlan = settings.rawWriterSchema().map(s -> WriterPlan.of(s, directory));
    for (int id : directory.ids()) {
      SchemaDirectory.Entry entry = directory.byId(id).orElseThrow();
      idPlans.put(id, WriterPlan.ofId(entry.schema(), id, directory));
    }
  }

  public static AlertCodec withDefaults() {
    return new AlertCodec(CodecSettings.defaults());
  }

  public CodecSettings settings() {
    return settings;
  }

  /** The decoder the alerts of this codec use for their cutouts. */
  public CutoutDecoder cutoutDecoder() {
    return cutoutDecoder;
  }

  /**
   * Decodes one message.
   *
   * @throws AlertDecodeException with reason NOT_AVRO, CORRUPT_CONTAINER, EMPTY_CONTAINER,
   *     UNKNOWN_SCHEMA_ID, UNKNOWN_SCHEMA or MISSING_FIELD
   * @throws UncheckedIOException when the configured schema registry cannot be reached
   */
  public Alert decode(byte[] message) throws AlertDecodeException {
    if (message == null || message.length == 0) {
      throw new AlertDecodeException(RejectReason.NOT_AVRO, "empty message");
    }
    if (ObjectContainer.hasMagic(message)) {
      return decodeContainer(message);
    }
    if (message.length >= CONFLUENT_HEADER && message[0] == 0) {
      return decodeFramed(message);
    }
    if (rawPlan.isPresent()) {
      return decodeBinary(rawPlan.get(), message, 0, "raw Avro");
    }
    throw new AlertDecodeException(RejectReason.NOT_AVRO,
        "neither an Avro container nor a Confluent frame, and no raw writer schema is configured ("
            + message.length + " bytes, first byte 0x" + Integer.toHexString(message[0] & 0xff) + ")");
  }

  /**
   * The alert id of one message, read without decoding the rest of the packet where the writer
   * schema allows (the id comes before the photometry history in both surveys' schemas). Any
   * message the shortcut cannot read is decoded in full, so the answer and the exceptions are
   * those of {@code decode(message).alertId()}, except that a packet whose id reads but whose
   * other fields are broken is not refused here: its full decode refuses it later.
   *
   * @throws AlertDecodeException as {@link #decode}
   */
  public long alertId(byte[] message) throws AlertDecodeException {
    if (message != null && ObjectContainer.hasMagic(message)) {
      ObjectContainer container = ObjectContainer.open(message);
      WriterPlan plan = containerPlan(message, container);
      ObjectContainer.Block block = container.firstRecordBlock();
      if (block != null) {
        OptionalLong id = peekId(plan, block.bytes(), block.offset(), block.end());
        if (id.isPresent()) {
          return id.getAsLong();
        }
      }
    } else if (message != null && message.length >= CONFLUENT_HEADER && message[0] == 0) {
      Optional<WriterPlan> plan = planForId(ByteBuffer.wrap(message, 1, 4).getInt());
      OptionalLong id = plan.isPresent() ? peekId(plan.get(), message, CONFLUENT_HEADER, message.length) : OptionalLong.empty();
      if (id.isPresent()) {
        return id.getAsLong();
      }
    }
    return decode(message).alertId();
  }

  /** The id by the plan's id reader; empty when there is none or it cannot read these bytes. */
  private static OptionalLong peekId(WriterPlan plan, byte[] bytes, int from, int to) {
    if (plan.idReader().isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return plan.idReader().get().read(DecoderFactory.get().binaryDecoder(bytes, from, to - from, null));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty(); // the full decode says what is wrong
    }
  }

  private Alert decodeContainer(byte[] message) throws AlertDecodeException {
    ObjectContainer container = ObjectContainer.open(message);
    WriterPlan plan = containerPlan(message, container);
    ObjectContainer.Block block = container.firstRecordBlock();
    if (block == null) {
      throw new AlertDecodeException(RejectReason.EMPTY_CONTAINER, "Avro container holds no record");
    }
    Object datum;
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(block.bytes(), block.offset(), block.end() - block.offset(), null);
      datum = plan.reader().read(null, decoder);
      if (block.count() == 1 && !decoder.isEnd()) {
        throw new AlertDecodeException(RejectReason.CORRUPT_CONTAINER,
            "corrupt Avro container: the record does not fill its block");
      }
    } catch (IOException | RuntimeException e) {
      throw new AlertDecodeException(RejectReason.CORRUPT_CONTAINER,
          "corrupt Avro container: record does not decode with its writer schema: " + e, e);
    }
    return plan.adapt(datum, cutoutDecoder);
  }

  private WriterPlan containerPlan(byte[] message, ObjectContainer container) throws AlertDecodeException {
    int from = container.schemaOffset();
    int to = from + container.schemaLength();
    CachedPlan[] recent = recentContainerPlans;
    // A vectorised comparison (length first) with a few recent schemas is far cheaper than
    // hashing ~10 kB of text.
    for (CachedPlan cached : recent) {
      if (Arrays.equals(cached.schemaBytes(), 0, cached.schemaBytes().length, message, from, to)) {
        return cached.plan();
      }
    }
    CachedPlan known = containerPlans.get(new SchemaText(message, from, to));
    if (known != null) {
      remember(known);
      return known.plan();
    }
    Schema schema;
    try {
      schema = new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false).parse(container.schemaText());
    } catch (RuntimeException e) {
      throw new AlertDecodeException(RejectReason.CORRUPT_CONTAINER,
          "corrupt Avro container: unreadable writer schema: " + e.getMessage(), e);
    }
    byte[] copy = Arrays.copyOfRange(message, from, to);
    CachedPlan parsed = new CachedPlan(copy, WriterPlan.of(schema, directory));
    if (containerPlans.size() < MAX_CACHED_SCHEMAS) {
      containerPlans.putIfAbsent(new SchemaText(copy, 0, copy.length), parsed);
    }
    remember(parsed);
    return parsed.plan();
  }

  /** Puts {@code plan} first among the recent ones, dropping the oldest beyond the few kept. */
  private void remember(CachedPlan plan) {
    CachedPlan[] recent = recentContainerPlans;
    CachedPlan[] next = new CachedPlan[Math.min(RECENT_SCHEMAS, recent.length + 1)];
    next[0] = plan;
    System.arraycopy(recent, 0, next, 1, next.length - 1);
    recentContainerPlans = next;
  }

  private record CachedPlan(byte[] schemaBytes, WriterPlan plan) {}

  /**
   * A writer schema's text, in place in a message, as a map key. The hash reads a few hundred of its
   * bytes: hashing all 8-20 kB, as {@code ByteBuffer.hashCode} does, took 40 us a message when
   * the packets of a dozen schemas came mixed (an archive, several topics), more than reading the
   * alert id. Equality compares every byte.
   */
  private record SchemaText(byte[] bytes, int from, int to) {
    private static final int SAMPLES = 256;
    private static final int TAIL = 32;

    @Override
    public int hashCode() {
      int length = to - from;
      int h = length;
      int stride = Math.max(1, length / SAMPLES);
      for (int i = from; i < to; i += stride) {
        h = 31 * h + bytes[i];
      }
      for (int i = Math.max(from, to - TAIL); i < to; i++) {
        h = 31 * h + bytes[i];
      }
      return h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SchemaText t && Arrays.equals(bytes, from, to, t.bytes, t.from, t.to);
    }
  }

  private Alert decodeFramed(byte[] message) throws AlertDecodeException {
    int id = ByteBuffer.wrap(message, 1, 4).getInt();
    Optional<WriterPlan> plan = planForId(id);
    if (plan.isPresent()) {
      return decodeBinary(plan.get(), message, CONFLUENT_HEADER, "Confluent frame with schema id " + id);
    }
    if (rawPlan.isPresent()) {
      try {
        return decodeBinary(rawPlan.get(), message, 0, "raw Avro");
      } catch (AlertDecodeException e) {
        // not raw Avro either: report the frame's unknown id below
      }
    }
    throw new AlertDecodeException(RejectReason.UNKNOWN_SCHEMA_ID,
        "Confluent frame with schema id " + id + " not in the schema directory"
            + (registry.isPresent() ? " nor the registry" : " (no registry configured)"));
  }

  private Optional<WriterPlan> planForId(int id) {
    WriterPlan plan = idPlans.get(id);
    if (plan != null || registry.isEmpty()) {
      return Optional.ofNullable(plan);
    }
    Optional<Schema> schema = registry.get().fetch(id);
    if (schema.isEmpty()) {
      return Optional.empty();
    }
    WriterPlan fetched = WriterPlan.ofId(schema.get(), id, directory);
    WriterPlan previous = idPlans.size() < MAX_CACHED_SCHEMAS ? idPlans.putIfAbsent(id, fetched) : null;
    return Optional.of(previous != null ? previous : fetched);
  }

  private Alert decodeBinary(WriterPlan plan, byte[] message, int offset, String what) throws AlertDecodeException {
    Object datum;
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(message, offset, message.length - offset, null);
      datum = plan.reader().read(null, decoder);
      if (!decoder.isEnd()) {
        throw new AlertDecodeException(RejectReason.NOT_AVRO,
            what + " leaves trailing bytes after the record (" + message.length + " bytes in all)");
      }
    } catch (IOException | RuntimeException e) {
      throw new AlertDecodeException(RejectReason.NOT_AVRO,
          what + " does not decode with schema " + plan.schema().getFullName() + ": " + e, e);
    }
    return plan.adapt(datum, cutoutDecoder);
  }

  @Override
  public String toString() {
    return "AlertCodec[schemaIds=" + directory.ids() + ", registry=" + settings.registryUrl().orElse(null)
        + ", raw=" + settings.rawWriterSchema().map(Schema::getFullName).orElse(null) + ", " + cutoutDecoder + "]";
  }
}
