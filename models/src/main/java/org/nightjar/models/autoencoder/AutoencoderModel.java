package org.nightjar.models.autoencoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.bundle.ModelBundleWriter;
import org.nightjar.models.preprocess.CutoutPreprocessor;
import org.nightjar.models.preprocess.PreprocessingConfig;
import org.nightjar.schemas.Survey;

/**
 * The autoencoder component of a model bundle: the network with the preprocessing constants and
 * architecture it was trained with. Stored as component {@value #COMPONENT} (file
 * {@value #FILE}, SameDiff FlatBuffers) with sections {@code preprocessing.autoencoder} and
 * {@code hyperparameters.autoencoder} in the manifest.
 *
 * <p>Thread-safe (see {@link CutoutAutoencoder}).
 */
public final class AutoencoderModel {

  public static final String COMPONENT = "autoencoder";
  public static final String FILE = "autoencoder.fb";

  private final CutoutAutoencoder network;
  private final PreprocessingConfig preprocessing;
  private final Set<Survey> surveys;

  public AutoencoderModel(CutoutAutoencoder network, PreprocessingConfig preprocessing) {
    this(network, preprocessing, EnumSet.allOf(Survey.class));
  }

  /** @param surveys the surveys whose alerts trained the network: the only ones it is made for */
  public AutoencoderModel(CutoutAutoencoder network, PreprocessingConfig preprocessing, Set<Survey> surveys) {
    this.network = Objects.requireNonNull(network, "network");
    this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
    this.surveys = Collections.unmodifiableSet(EnumSet.copyOf(surveys));
    if (preprocessing.size() != network.architecture().size()) {
      throw new IllegalArgumentException(
          "preprocessing size " + preprocessing.size() + " does not match the network input "
              + network.architecture().size());
    }
  }

  /** Reads the component from a verified bundle. */
  public static AutoencoderModel load(ModelBundle bundle) throws BundleException {
    Map<String, Object> pre = section(bundle, bundle.manifest().preprocessing(), "preprocessing");
    Map<String, Object> hyper = section(bundle, bundle.manifest().hyperparameters(), "hyperparameters");
    PreprocessingConfig config;
    AutoencoderArchitecture architecture;
    try {
      config = new PreprocessingConfig(integer(pre, "size"), number(pre, "softening"));
      architecture =
          new AutoencoderArchitecture(
              integer(hyper, "size"), integer(hyper, "channels"), integer(hyper, "patch"),
              integer(hyper, "width"), integer(hyper, "latentDim"));
    } catch (IllegalArgumentException e) {
      throw new BundleException("bundle " + bundle + ": bad autoencoder settings: " + e.getMessage(), e);
    }
    Set<Survey> surveys = trainedSurveys(bundle);
    try (InputStream in = bundle.openComponent(COMPONENT)) {
      return new AutoencoderModel(CutoutAutoencoder.read(architecture, in), config, surveys);
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleException("bundle " + bundle + ": cannot load the autoencoder: " + e.getMessage(), e);
    }
  }

  /**
   * The surveys recorded under {@code trainingData.autoencoder.surveys}; every survey for a bundle
   * written before the record existed.
   */
  static Set<Survey> trainedSurveys(ModelBundle bundle) throws BundleException {
    if (!(bundle.manifest().trainingData().get(COMPONENT) instanceof Map<?, ?> training)
        || !(training.get("surveys") instanceof List<?> names) || names.isEmpty()) {
      return EnumSet.allOf(Survey.class);
    }
    EnumSet<Survey> surveys = EnumSet.noneOf(Survey.class);
    for (Object name : names) {
      try {
        surveys.add(Survey.valueOf(String.valueOf(name)));
      } catch (IllegalArgumentException e) {
        throw new BundleException("bundle " + bundle + ": unknown survey '" + name + "' in trainingData.autoencoder.surveys");
      }
    }
    return surveys;
  }

  /** The surveys whose alerts trained the network. */
  public Set<Survey> surveys() {
    return surveys;
  }

  /** Adds this model's file and manifest sections to a bundle being written. */
  public void addTo(ModelBundleWriter writer) throws BundleException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      network.write(bytes);
    } catch (IOException e) {
      throw new BundleException("cannot serialise the autoencoder: " + e.getMessage(), e);
    }
    AutoencoderArchitecture a = network.architecture();
    Map<String, Object> pre = new LinkedHashMap<>();
    pre.put("size", preprocessing.size());
    pre.put("softening", preprocessing.softening());
    pre.put("channels", CutoutPreprocessor.CHANNELS.stream().map(Enum::name).toList());
    pre.put("layout", "NHWC");
    pre.put("scaling", "asinh((x - median) / (softening * 1.4826 * MAD)) per stamp; non-finite -> 0, masked");
    Map<String, Object> hyper = new LinkedHashMap<>();
    hyper.put("size", a.size());
    hyper.put("channels", a.channels());
    hyper.put("patch", a.patch());
    hyper.put("width", a.width());
    hyper.put("latentDim", a.latentDim());
    writer.component(COMPONENT, FILE, bytes.toByteArray())
        .preprocessing(COMPONENT, pre)
        .hyperparameter(COMPONENT, hyper);
  }

  public CutoutAutoencoder network() {
    return network;
  }

  public PreprocessingConfig preprocessing() {
    return preprocessing;
  }

  public CutoutPreprocessor preprocessor() {
    return new CutoutPreprocessor(preprocessing);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(ModelBundle bundle, Map<String, Object> all, String what)
      throws BundleException {
    Object section = all.get(COMPONENT);
    if (!(section instanceof Map)) {
      throw new BundleException("bundle " + bundle + ": manifest has no " + what + "." + COMPONENT + " section");
    }
    return (Map<String, Object>) section;
  }

  private static int integer(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (!(v instanceof Number n) || n.doubleValue() != n.intValue()) {
      throw new IllegalArgumentException(key + " must be an integer, got " + v);
    }
    return n.intValue();
  }

  private static double number(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException(key + " must be a number, got " + v);
    }
    return n.doubleValue();
  }
}
