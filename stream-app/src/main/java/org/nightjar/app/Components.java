package org.nightjar.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.ConfigException;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.app.topology.AlertTopology;
import org.nightjar.models.Scorer;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.autoencoder.AutoencoderModel;
import org.nightjar.models.autoencoder.AutoencoderNetwork;
import org.nightjar.models.autoencoder.BackendInfo;
import org.nightjar.models.autoencoder.BackendTuning;
import org.nightjar.models.autoencoder.EmbeddingScorer;
import org.nightjar.models.autoencoder.ParallelCutoutAutoencoder;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.stargal.StarGalaxyModelJson;
import org.nightjar.models.stargal.StarGalaxyScorer;
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
  /** Smallest share of a batch worth handing to a second network copy. */
  private static final int MIN_WORKER_CHUNK = 16;

  private final AppConfig config;
  private final AlertCodec codec;
  private final List<Scorer> scorers;
  private final Optional<BundleRef> bundle;
  private final Optional<BackendInfo> backend;

  private Components(AppConfig config, AlertCodec codec, List<Scorer> scorers, Optional<BundleRef> bundle,
      Optional<BackendInfo> backend) {
    this.config = config;
    this.codec = codec;
    this.scorers = scorers;
    this.bundle = bundle;
    this.backend = backend;
  }

  public static Components from(AppConfig config) {
    AlertCodec codec = new AlertCodec(codecSettings(config));
    if (config.scorers().isEmpty()) {
      return new Components(config, codec, List.of(), Optional.empty(), Optional.empty());
    }
    ModelBundle bundle = openBundle(config);
    Optional<BackendInfo> backend = Optional.empty();
    List<Scorer> scorers = new ArrayList<>();
    try {
      for (String stage : config.scorers()) {
        switch (stage) {
          case "embed" -> {
            requireComponent(bundle, AutoencoderModel.COMPONENT, stage);
            backend = Optional.of(BackendTuning.applyForInference());
            scorers.add(embeddingScorer(AutoencoderModel.load(bundle), config.embedWorkers()));
          }
          case "xd" -> {
            requireComponent(bundle, StarGalaxyModelJson.COMPONENT, stage);
            scorers.add(new StarGalaxyScorer(StarGalaxyModelJson.load(bundle)));
          }
          default -> throw new ConfigException("scorers", stage, String.join(",", AppConfig.KNOWN_SCORERS));
        }
      }
    } catch (BundleException e) {
      scorers.forEach(Scorer::close);
      throw new ConfigException("cannot load bundle " + bundle + ": " + e.getMessage());
    }
    var m = bundle.manifest();
    BundleRef ref = new BundleRef(m.name(), m.version(), bundle.sha256());
    LOG.info("bundle {} {} (sha256 {}), stages {}{}", m.name(), m.version(), bundle.sha256().substring(0, 12),
        config.scorers(), backend.map(b -> ", ND4J " + b.label() + " x " + config.embedWorkers() + " network copies").orElse(""));
    return new Components(config, codec, List.copyOf(scorers), Optional.of(ref), backend);
  }

  private static Scorer embeddingScorer(AutoencoderModel model, int workers) {
    AutoencoderNetwork network = workers > 1
        ? ParallelCutoutAutoencoder.of(model.network(), workers, MIN_WORKER_CHUNK)
        : model.network();
    return new EmbeddingScorer(model.preprocessor(), network);
  }

  private static ModelBundle openBundle(AppConfig config) {
    try {
      return config.bundlePath().isPresent() ? ModelBundle.open(Path.of(config.bundlePath().get())) : ModelBundle.defaultBundle();
    } catch (BundleException e) {
      throw new ConfigException("bundle.path", config.bundlePath().orElse("(shipped default)"), "a complete, unaltered bundle: " + e.getMessage());
    }
  }

  private static void requireComponent(ModelBundle bundle, String component, String stage) {
    if (!bundle.hasComponent(component)) {
      throw new ConfigException("bundle " + bundle + " has no '" + component + "' component for stage '" + stage
          + "': train it (nightjar train ...) or remove '" + stage + "' from the scorers key");
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

  /** The ND4J backend the autoencoder runs on, when the embed stage is configured. */
  public Optional<BackendInfo> backend() {
    return backend;
  }

  /** Stage names in the order they run. */
  public List<String> stages() {
    List<String> names = new ArrayList<>();
    names.add(ScoringPipeline.CUTOUT_STAGE);
    scorers.forEach(s -> names.add(s.stage()));
    return names;
  }

  /** A pipeline over the configured scorers, reporting stage times to {@code metrics}. */
  public ScoringPipeline pipeline(ScoringMetrics metrics) {
    return new ScoringPipeline(scorers, bundle, metrics, Clock.systemUTC());
  }

  public AlertTopology topology(ScoringMetrics metrics) {
    return new AlertTopology(config, codec::decode, pipeline(metrics), bundle, metrics, Clock.systemUTC());
  }

  /** Releases the scorers' native memory. */
  @Override
  public void close() {
    scorers.forEach(Scorer::close);
  }
}
