package org.nightjar.schemas;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * How an {@link AlertCodec} finds schemas and how far it trusts cutouts. Immutable; validated on
 * construction.
 *
 * @param schemaDirectory an extra directory of {@code .avsc} files in {@code <major>.<minor>/}
 *     folders (schema id = major*100 + minor), added to (and overriding) the Rubin schemas shipped
 *     on the classpath
 * @param registryUrl a Confluent-compatible schema registry, asked ({@code GET
 *     {url}/schemas/ids/{id}}) only for ids not found locally
 * @param rawWriterSchema the writer schema of messages that are bare Avro binary (neither an
 *     Object Container File nor a Confluent frame)
 * @param maxInflatedCutoutBytes the most bytes a gzip-compressed cutout may inflate to
 * @param maxCutoutSide the largest NAXIS1/NAXIS2 a cutout may declare
 * @param minCutoutSide the smallest NAXIS1/NAXIS2 a cutout may declare
 */
public record CodecSettings(
    Optional<Path> schemaDirectory,
    Optional<URI> registryUrl,
    Optional<Schema> rawWriterSchema,
    long maxInflatedCutoutBytes,
    int maxCutoutSide,
    int minCutoutSide) {

  /** 1 MiB: a 63x63 float32 ZTF stamp is 20,160 bytes, the largest Rubin stamp file seen ~70 KB. */
  public static final long DEFAULT_MAX_INFLATED_CUTOUT_BYTES = 1L << 20;
  /** Far above any survey stamp (ZTF 63, Rubin up to ~70 pixels a side). */
  public static final int DEFAULT_MAX_CUTOUT_SIDE = 512;
  /** Below the smallest real stamp (ZTF edge stamps 42, Rubin 30 pixels a side). */
  public static final int DEFAULT_MIN_CUTOUT_SIDE = 16;

  public CodecSettings {
    Objects.requireNonNull(schemaDirectory, "schemaDirectory");
    Objects.requireNonNull(registryUrl, "registryUrl");
    Objects.requireNonNull(rawWriterSchema, "rawWriterSchema");
    if (maxInflatedCutoutBytes < 2880) {
      throw new IllegalArgumentException(
          "maxInflatedCutoutBytes must be >= 2880 (one FITS block), got " + maxInflatedCutoutBytes);
    }
    if (minCutoutSide < 1) {
      throw new IllegalArgumentException("minCutoutSide must be >= 1, got " + minCutoutSide);
    }
    if (maxCutoutSide < minCutoutSide || maxCutoutSide > 16_384) {
      throw new IllegalArgumentException(
          "maxCutoutSide must be in [minCutoutSide=" + minCutoutSide + ", 16384], got " + maxCutoutSide);
    }
    registryUrl.ifPresent(
        url -> {
          String scheme = url.getScheme();
          if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("registryUrl must be http(s), got " + url);
          }
        });
    rawWriterSchema.ifPresent(
        s -> {
          if (s.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("rawWriterSchema must be a record schema, got " + s.getType());
          }
        });
  }

  /** Classpath schemas only, no registry, no raw schema, default cutout limits. */
  public static CodecSettings defaults() {
    return new CodecSettings(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_MAX_INFLATED_CUTOUT_BYTES,
        DEFAULT_MAX_CUTOUT_SIDE,
        DEFAULT_MIN_CUTOUT_SIDE);
  }

  public CodecSettings withSchemaDirectory(Path directory) {
    return new CodecSettings(Optional.of(directory), registryUrl, rawWriterSchema,
        maxInflatedCutoutBytes, maxCutoutSide, minCutoutSide);
  }

  public CodecSettings withRegistryUrl(URI url) {
    return new CodecSettings(schemaDirectory, Optional.of(url), rawWriterSchema,
        maxInflatedCutoutBytes, maxCutoutSide, minCutoutSide);
  }

  public CodecSettings withRawWriterSchema(Schema schema) {
    return new CodecSettings(schemaDirectory, registryUrl, Optional.of(schema),
        maxInflatedCutoutBytes, maxCutoutSide, minCutoutSide);
  }

  public CodecSettings withMaxInflatedCutoutBytes(long bytes) {
    return new CodecSettings(schemaDirectory, registryUrl, rawWriterSchema,
        bytes, maxCutoutSide, minCutoutSide);
  }

  public CodecSettings withCutoutSides(int min, int max) {
    return new CodecSettings(schemaDirectory, registryUrl, rawWriterSchema,
        maxInflatedCutoutBytes, max, min);
  }
}
