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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nightjar.models.xd.XdPrior;
import org.nightjar.models.xd.XdPriorFormatException;
import org.nightjar.models.xd.XdPriorJson;

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
 * <p>Thread-safe.
 */
public final class StarGalaxyModelJson {

  public static final String FORMAT = "nightjar.stargal-xd";
  public static final int VERSION = 1;
  /** The file name of the model as a bundle component or in an output folder. */
  public static final String FILE_NAME = "xd-prior.json";
  /** Name of the star/galaxy component in a model bundle. */
  public static final String COMPONENT = "stargal";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
      .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);

  private StarGalaxyModelJson() {}

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

  /** Reads the {@value #COMPONENT} component of a verified bundle. */
  public static StarGalaxyModel load(ModelBundle bundle) throws BundleException {
    try (InputStream in = bundle.openComponent(COMPONENT)) {
      return read(in);
    } catch (IOException e) {
      throw new BundleException("bundle " + bundle + ": cannot load the star/galaxy model: " + e.getMessage(), e);
    }
  }

  /** Adds the model as the {@value #COMPONENT} component of a bundle being written. */
  public static void addTo(StarGalaxyModel model, ModelBundleWriter writer) throws BundleException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try {
      write(model, bytes);
    } catch (IOException e) {
      throw new BundleException("cannot serialise the star/galaxy model: " + e.getMessage(), e);
    }
    writer.component(COMPONENT, FILE_NAME, bytes.toByteArray());
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
      JsonNode s = root.path("settings");
      TemplateConcentration c = new TemplateConcentration(num(s, "inner_radius_px"), num(s, "outer_radius_px"),
          num(s, "annulus_inner_px"), num(s, "annulus_outer_px"), num(s, "search_radius_px"),
          (int) num(s, "stamp_size_px"), num(s, "min_signal_to_noise"), num(s, "sigma_floor"));
      FeatureSettings settings = new FeatureSettings(c, num(s, "point_source_concentration"),
          num(s, "point_source_sharpnr"), num(s, "max_reference_distance_arcsec"));
      StarGalaxyFeatureSet set = new StarGalaxyFeatureSet(features, settings, num(s, "missing_sigma"));
      XdPrior prior = XdPriorJson.fromTree(root.path("prior"));
      JsonNode h = root.path("holdout");
      HoldoutSplit holdout = new HoldoutSplit((int) num(h, "modulus"), (int) num(h, "remainder"));
      List<Long> ids = new ArrayList<>();
      for (JsonNode n : h.path("alert_ids")) {
        ids.add(n.asLong());
      }
      Map<String, String> training = new TreeMap<>();
      root.path("training").fields().forEachRemaining(e -> training.put(e.getKey(), e.getValue().asText()));
      return new StarGalaxyModel(set, prior, num(root, "star_threshold"), holdout, ids, training);
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
