package org.nightjar.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.ConfigException;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.app.topology.AlertTopology;
import org.nightjar.models.Scorer;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.CodecSettings;
import org.nightjar.schemas.avro.BundleRef;

/**
 * Builds the parts of an instance from its configuration, once, at startup: the codec, the
 * scoring pipeline and the topology. Every command (run, demo, score, bench) wires through here,
 * so they all score alike.
 */
public final class Components implements AutoCloseable {
  private final AppConfig config;
  private final AlertCodec codec;
  private final List<Scorer> scorers;
  private final Optional<BundleRef> bundle;

  private Components(AppConfig config, AlertCodec codec, List<Scorer> scorers, Optional<BundleRef> bundle) {
    this.config = config;
    this.codec = codec;
    this.scorers = scorers;
    this.bundle = bundle;
  }

  public static Components from(AppConfig config) {
    return new Components(config, new AlertCodec(codecSettings(config)), List.of(), Optional.empty());
  }

  static CodecSettings codecSettings(AppConfig config) {
    Optional<Path> schemaDir = config.codecSchemaDir().map(Path::of);
    schemaDir.ifPresent(d -> {
      if (!Files.isDirectory(d)) {
        throw new ConfigException("codec.schema.dir", d.toString(), "an existing directory");
      }
    });
    Optional<Schema> raw = config.codecRawWriterSchema().map(Components::readSchema);
    return new CodecSettings(schemaDir, config.codecRegistryUrl().map(URI::create), raw,
        config.codecMaxInflatedCutoutBytes(), CodecSettings.DEFAULT_MAX_CUTOUT_SIDE, CodecSettings.DEFAULT_MIN_CUTOUT_SIDE);
  }

  private static Schema readSchema(String file) {
    try {
      return new Schema.Parser().parse(Files.readString(Path.of(file)));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("codec.raw.writer.schema", file, "a readable Avro schema file (" + e.getMessage() + ")");
    }
  }

  public AppConfig config() {
    return config;
  }

  public AlertCodec codec() {
    return codec;
  }

  public Optional<BundleRef> bundle() {
    return bundle;
  }

  /** A fresh pipeline over the configured scorers, reporting stage times to {@code metrics}. */
  public ScoringPipeline pipeline(ScoringMetrics metrics) {
    return new ScoringPipeline(scorers, bundle, metrics, Clock.systemUTC());
  }

  /** Stage names in the order they run. */
  public List<String> stages() {
    List<String> names = new java.util.ArrayList<>();
    names.add(ScoringPipeline.CUTOUT_STAGE);
    scorers.forEach(s -> names.add(s.stage()));
    return names;
  }

  /** Releases the scorers' native memory. */
  @Override
  public void close() {
    scorers.forEach(org.nightjar.models.Scorer::close);
  }

  public AlertTopology topology(ScoringMetrics metrics) {
    return new AlertTopology(config, codec::decode, pipeline(metrics), bundle, metrics, Clock.systemUTC());
  }
}
