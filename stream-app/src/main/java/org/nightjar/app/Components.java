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
import org.nightjar.app.topology.AlertDecoder;
import org.nightjar.app.topology.AlertTopology;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.ScoringStages;
import org.nightjar.models.StageCatalog;
import org.nightjar.models.StageSettings;
import org.nightjar.models.autoencoder.EmbeddingScorer;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.CodecSettings;
import org.nightjar.schemas.avro.BundleRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the parts of an instance from its configuration, once, at startup: the codec, the model
 * bundle and its scorers, the scoring pipeline and the topology. Every command (run, demo, score,
 * bench) wires through here, so they all score alike. A bundle that fails its checksums, or lacks
 * a configured stage, stops startup with a message saying what to change.
 */
public final class Components implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Components.class);

  private final AppConfig config;
  private final AlertCodec codec;
  private final ScoringStages stages;
  private final Optional<BundleRef> bundle;
  private final Optional<ModelBundle> modelBundle;

  private Components(AppConfig config, AlertCodec codec, ScoringStages stages, Optional<ModelBundle> modelBundle) {
    this.config = config;
    this.codec = codec;
    this.stages = stages;
    this.modelBundle = modelBundle;
    this.bundle = modelBundle.map(b -> new BundleRef(b.manifest().name(), b.manifest().version(), b.sha256()));
  }

  public static Components from(AppConfig config) {
    AlertCodec codec = new AlertCodec(codecSettings(config));
    if (config.scorers().isEmpty()) {
      return new Components(config, codec, ScoringStages.none(), Optional.empty());
    }
    long begin = System.nanoTime();
    ModelBundle bundle = openBundle(config);
    ScoringStages stages;
    try {
      stages = StageCatalog.create(config.scorers(), bundle, new StageSettings(config.stageSettings()));
    } catch (StageCatalog.MissingComponentException e) {
      throw new ConfigException(e.getMessage());
    } catch (BundleException e) {
      throw new ConfigException("cannot load bundle " + bundle + ": " + e.getMessage());
    } catch (StageSettings.InvalidSettingException e) {
      throw new ConfigException(e.key(), e.value(), e.allowed());
    }
    var m = bundle.manifest();
    LOG.info("bundle {} {} (sha256 {}), stages {}{}, loaded in {} ms", m.name(), m.version(), bundle.sha256().substring(0, 12),
        config.scorers(), stages.find(EmbeddingScorer.class)
            .map(e -> ", ND4J " + e.backend().label() + " x " + e.copies() + " network copies").orElse(""),
        (System.nanoTime() - begin) / 1_000_000);
    return new Components(config, codec, stages, Optional.of(bundle));
  }

  private static ModelBundle openBundle(AppConfig config) {
    try {
      return config.bundlePath().isPresent() ? ModelBundle.open(Path.of(config.bundlePath().get())) : ModelBundle.defaultBundle();
    } catch (BundleException e) {
      throw new ConfigException("bundle.path", config.bundlePath().orElse("(shipped default)"), "a complete, unaltered bundle: " + e.getMessage());
    }
  }

  /** The codec settings the configuration asks for. */
  public static CodecSettings codecSettings(AppConfig config) {
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

  /** The verified model bundle the scorers were made from, when any stage is configured. */
  public Optional<ModelBundle> modelBundle() {
    return modelBundle;
  }

  /** The embedding stage, when configured (its backend and copies go into a metric label). */
  public Optional<EmbeddingScorer> embedding() {
    return stages.find(EmbeddingScorer.class);
  }

  /** Stage names in the order they run, the stamp inspection first. */
  public List<String> stages() {
    return stages.names();
  }

  /**
   * A pipeline over the configured scorers, reporting stage times to {@code metrics}. Pipelines
   * borrow the scorers: closing these components closes them.
   */
  public ScoringPipeline pipeline(ScoringMetrics metrics) {
    return new ScoringPipeline(stages, bundle, metrics, Clock.systemUTC());
  }

  public AlertTopology topology(ScoringMetrics metrics) {
    return new AlertTopology(config, AlertDecoder.of(codec), pipeline(metrics), bundle, metrics, Clock.systemUTC());
  }

  /** Releases the scorers' native memory. */
  @Override
  public void close() {
    stages.close();
  }
}
