package org.nightjar.models.stargal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.BundleManifest;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.bundle.ModelBundleWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.nightjar.models.xd.XdPrior;
import org.nightjar.models.xd.XdPriorFormatException;
import org.nightjar.models.xd.XdPriorJson;
import org.nightjar.schemas.Survey;

/**
 * Reads and writes a {@link StarGalaxyModel} as one JSON file ({@code xd-prior.json}):
 *
 * <pre>
 * { "format": "nightjar.stargal-xd", "version": 1,
 *   "features": ["template_concentration", "sharpnr", "ln_chinr"],
 *   "settings": { "inner_radius_px": 1.5, ..., "point_source_concentration": 0.61, "point_source_sharpnr": -0.02,
 *                 "max_reference_distance_arcsec": 1.0, "missing_sigma": 10 },
 *   "star_threshold": 0.9,
 *   "holdout": { "modulus": 5, "remainder": 0, "rule": "...", "alert_ids": [...] },
 *   "training": { "alerts": "...", ... },
 *   "prior": { nightjar.xd-prior version 1, with each feature's name and definition } }
 * </pre>
 *
 * <p>A model of another survey than ZTF adds {@code "survey"} (absent means ZTF) and, where they
 * differ from the ZTF form, {@code settings.accept_larger_stamps}, {@code settings.point_source_<feature>}
 * for the other pinned features and {@code settings.any_feature_suffices}; a ZTF model is written
 * exactly as before. Each survey's model is its own bundle component: {@value #COMPONENT}
 * ({@value #FILE_NAME}) for ZTF, {@code stargal-rubin} ({@code xd-prior-rubin.json}) for Rubin.
 *
 * <p>Thread-safe.
 */
public final class StarGalaxyModelJson {

  public static final String FORMAT = "nightjar.stargal-xd";
  public static final int VERSION = 1;
  /** The file name of the model as a bundle component or in an output folder. */
  public static final String FILE_NAME = "xd-prior.json";
  /** Name of the (ZTF) star/galaxy component in a model bundle. */
  public static final String COMPONENT = "stargal";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
      .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);

  private static final String POINT_SOURCE = "point_source_";

  private StarGalaxyModelJson() {}

  /** The bundle component holding the survey's model. */
  public static String component(Survey survey) {
    return survey == Survey.ZTF ? COMPONENT : COMPONENT + "-" + survey.name().toLowerCase(Locale.ROOT);
  }

  /** The file name of the survey's model in a bundle or an output folder. */
  public static String fileName(Survey survey) {
    return survey == Survey.ZTF ? FILE_NAME : "xd-prior-" + survey.name().toLowerCase(Locale.ROOT) + ".json";
  }

  /**
   * Reads a model file, the {@value #COMPONENT} component of a bundle folder (checksums
   * verified), or {@value #FILE_NAME} inside a plain folder.
   */
  public static StarGalaxyModel read(Path fileOrFolder) throws IOException {
    if (Files.isRegularFile(fileOrFolder.resolve(BundleManifest.FILE_NAME))) {
      try {
        return load(ModelBundle.open(fileOrFolder));
      } catch (BundleException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    Path file = Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve(FILE_NAME) : fileOrFolder;
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Every survey's model: those of a bundle folder (checksums verified), the model files of a plain
   * folder, or the one model of a file, keyed by the survey each was trained for.
   */
  public static Map<Survey, StarGalaxyModel> readAll(Path fileOrFolder) throws IOException {
    if (Files.isRegularFile(fileOrFolder.resolve(BundleManifest.FILE_NAME))) {
      try {
        return loadAll(ModelBundle.open(fileOrFolder));
      } catch (BundleException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    Map<Survey, StarGalaxyModel> models = new EnumMap<>(Survey.class);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrFolder)) {
      for (Survey survey : Survey.values()) {
        Path f = fileOrFolder.resolve(fileName(survey));
        if (Files.isRegularFile(f)) {
          files.add(f);
        }
      }
    } else {
      files.add(fileOrFolder);
    }
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        StarGalaxyModel m = read(in);
        models.put(m.survey(), m);
      }
    }
    if (models.isEmpty()) {
      throw new IOException("no star/galaxy model in " + fileOrFolder);
    }
    return models;
  }

  /** Reads the {@value #COMPONENT} (ZTF) component of a verified bundle. */
  public static StarGalaxyModel load(ModelBundle bundle) throws BundleException {
    return load(bundle, Survey.ZTF);
  }

  /** Reads one survey's component of a verified bundle; it must hold a model of that survey. */
  public static StarGalaxyModel load(ModelBundle bundle, Survey survey) throws BundleException {
    StarGalaxyModel model;
    try (InputStream in = bundle.openComponent(component(survey))) {
      model = read(in);
    } catch (IOException e) {
      throw new BundleException("bundle " + bundle + ": cannot load the " + survey + " star/galaxy model: "
          + e.getMessage(), e);
    }
    if (model.survey() != survey) {
      throw new BundleException("bundle " + bundle + ": component '" + component(survey) + "' holds a "
          + model.survey() + " model, not a " + survey + " one");
    }
    return model;
  }

  /** The models of every survey whose component the bundle has (possibly none). */
  public static Map<Survey, StarGalaxyModel> loadAll(ModelBundle bundle) throws BundleException {
    Map<Survey, StarGalaxyModel> models = new EnumMap<>(Survey.class);
    for (Survey survey : Survey.values()) {
      if (bundle.hasComponent(component(survey))) {
        models.put(survey, load(bundle, survey));
      }
    }
    return models;
  }

  /** Adds the model as its survey's component ({@value #COMPONENT} for ZTF) of a bundle being written. */
  public static void addTo(StarGalaxyModel model, ModelBundleWriter writer) throws BundleException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try {
      write(model, bytes);
    } catch (IOException e) {
      throw new BundleException("cannot serialise the star/galaxy model: " + e.getMessage(), e);
    }
    writer.component(component(model.survey()), fileName(model.survey()), bytes.toByteArray());
  }

  public static StarGalaxyModel read(InputStream in) throws IOException {
    JsonNode root = MAPPER.readTree(in);
    if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt(-1) != VERSION) {
      throw new XdPriorFormatException("not a " + FORMAT + " version " + VERSION + " file");
    }
    try {
      List<MorphologyFeature> features = new ArrayList<>();
      for (JsonNode n : root.path("features")) {
        features.add(MorphologyFeature.byName(n.asText()));
      }
      Survey survey = root.has("survey") ? Survey.valueOf(root.path("survey").asText()) : Survey.ZTF;
      JsonNode s = root.path("settings");
      TemplateConcentration c = new TemplateConcentration(num(s, "inner_radius_px"), num(s, "outer_radius_px"),
          num(s, "annulus_inner_px"), num(s, "annulus_outer_px"), num(s, "search_radius_px"),
          (int) num(s, "stamp_size_px"), num(s, "min_signal_to_noise"), num(s, "sigma_floor"),
          s.path("accept_larger_stamps").asBoolean(false));
      Map<MorphologyFeature, Double> other = new EnumMap<>(MorphologyFeature.class);
      for (MorphologyFeature f : features) {
        String key = POINT_SOURCE + f.featureName();
        if (f != MorphologyFeature.TEMPLATE_CONCENTRATION && f != MorphologyFeature.SHARPNR && s.has(key)) {
          other.put(f, num(s, key));
        }
      }
      FeatureSettings settings = new FeatureSettings(c, num(s, "point_source_concentration"),
          num(s, "point_source_sharpnr"), num(s, "max_reference_distance_arcsec"), other);
      StarGalaxyFeatureSet set = new StarGalaxyFeatureSet(features, settings, num(s, "missing_sigma"),
          s.path("any_feature_suffices").asBoolean(false));
      XdPrior prior = XdPriorJson.fromTree(root.path("prior"));
      JsonNode h = root.path("holdout");
      HoldoutSplit holdout = new HoldoutSplit((int) num(h, "modulus"), (int) num(h, "remainder"));
      List<Long> ids = new ArrayList<>();
      for (JsonNode n : h.path("alert_ids")) {
        ids.add(n.asLong());
      }
      Map<String, String> training = new TreeMap<>();
      root.path("training").fields().forEachRemaining(e -> training.put(e.getKey(), e.getValue().asText()));
      return new StarGalaxyModel(set, prior, num(root, "star_threshold"), holdout, ids, training, survey);
    } catch (IllegalArgumentException e) {
      throw new XdPriorFormatException("invalid star/galaxy model: " + e.getMessage(), e);
    }
  }

  public static void write(StarGalaxyModel model, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(model, out);
    }
  }

  public static void write(StarGalaxyModel model, OutputStream out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    if (model.survey() != Survey.ZTF) {
      root.put("survey", model.survey().name());
    }
    ArrayNode names = root.putArray("features");
    model.features().features().forEach(f -> names.add(f.featureName()));
    FeatureSettings fs = model.features().settings();
    TemplateConcentration c = fs.concentration();
    ObjectNode s = root.putObject("settings");
    s.put("inner_radius_px", c.innerRadius());
    s.put("outer_radius_px", c.outerRadius());
    s.put("annulus_inner_px", c.annulusInner());
    s.put("annulus_outer_px", c.annulusOuter());
    s.put("search_radius_px", c.searchRadius());
    s.put("stamp_size_px", c.nominalSize());
    s.put("min_signal_to_noise", c.minSignalToNoise());
    s.put("sigma_floor", c.sigmaFloor());
    s.put("point_source_concentration", fs.pointSourceConcentration());
    s.put("point_source_sharpnr", fs.pointSourceSharpness());
    s.put("max_reference_distance_arcsec", fs.maxReferenceDistance());
    s.put("missing_sigma", model.features().missingSigma());
    if (c.acceptLarger()) {
      s.put("accept_larger_stamps", true);
    }
    fs.otherPointSources().forEach((f, v) -> s.put(POINT_SOURCE + f.featureName(), v));
    if (model.features().anyFeatureSuffices()) {
      s.put("any_feature_suffices", true);
    }
    root.put("star_threshold", model.starThreshold());
    ObjectNode h = root.putObject("holdout");
    h.put("modulus", model.holdout().modulus());
    h.put("remainder", model.holdout().remainder());
    h.put("rule", model.holdout().rule());
    ArrayNode ids = h.putArray("alert_ids");
    model.heldOutAlertIds().forEach(ids::add);
    ObjectNode t = root.putObject("training");
    new TreeMap<>(model.training()).forEach(t::put);
    root.set("prior", XdPriorJson.toTree(model.prior()));
    MAPPER.writeValue(out, root);
  }

  private static double num(JsonNode parent, String key) throws XdPriorFormatException {
    JsonNode n = parent.get(key);
    if (n == null || !n.isNumber()) {
      throw new XdPriorFormatException("missing number \"" + key + "\"");
    }
    return n.asDouble();
  }
}
