package org.nightjar.models.xd;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@link XdPrior}s as JSON:
 *
 * <pre>
 * { "format": "nightjar.xd-prior", "version": 1, "K": 32, "D": 10,
 *   "features": [ {"name": "r_psf", "definition": "..."}, ... ],      (D entries)
 *   "star_components": [0, 1, ...],
 *   "alpha": [K], "mean": [K][D], "V": [K][D][D] }
 * </pre>
 *
 * The reader also accepts the same keys without {@code format}/{@code version}: that is the
 * layout of the SDSS star/galaxy prior exported from xd-demo (Fadely 2015), whose extra keys
 * (source, histories, check points) are ignored. Covariances are symmetrised on reading (that file
 * is symmetric only to rounding). Doubles are written with Java's shortest round-trip form, so a
 * written prior reads back bit for bit.
 *
 * <p>Thread-safe.
 */
public final class XdPriorJson {

  public static final String FORMAT = "nightjar.xd-prior";
  public static final int VERSION = 1;

  /** The caller owns the streams: Jackson must not close them. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
      .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);

  private XdPriorJson() {}

  public static XdPrior read(InputStream in) throws IOException {
    return fromTree(MAPPER.readTree(in));
  }

  /** Reads a prior from an already parsed JSON object (e.g. one nested in a larger model file). */
  public static XdPrior fromTree(JsonNode root) throws XdPriorFormatException {
    if (root == null || !root.isObject()) {
      throw new XdPriorFormatException("an XD prior must be a JSON object");
    }
    if (root.has("format")) {
      if (!FORMAT.equals(root.get("format").asText()) || root.path("version").asInt(-1) != VERSION) {
        throw new XdPriorFormatException("unsupported prior format " + root.get("format") + " version "
            + root.get("version") + "; this reader knows " + FORMAT + " version " + VERSION);
      }
    }
    double[] alpha = vector(require(root, "alpha"), "alpha");
    int k = alpha.length;
    JsonNode meanNode = require(root, "mean");
    JsonNode covNode = require(root, "V");
    if (meanNode.size() != k || covNode.size() != k) {
      throw new XdPriorFormatException("alpha, mean and V disagree on K (" + k + ")");
    }
    double[][] mean = new double[k][];
    double[][][] cov = new double[k][][];
    for (int j = 0; j < k; j++) {
      mean[j] = vector(meanNode.get(j), "mean[" + j + "]");
      JsonNode vj = covNode.get(j);
      cov[j] = new double[vj.size()][];
      for (int a = 0; a < vj.size(); a++) {
        cov[j][a] = vector(vj.get(a), "V[" + j + "][" + a + "]");
      }
    }
    if (root.has("K") && root.get("K").asInt() != k) {
      throw new XdPriorFormatException("K=" + root.get("K") + " but " + k + " weights");
    }
    GaussianMixture mixture;
    try {
      mixture = GaussianMixture.of(alpha, mean, cov);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new XdPriorFormatException("not a valid mixture: " + e.getMessage(), e);
    }
    if (root.has("D") && root.get("D").asInt() != mixture.dimension()) {
      throw new XdPriorFormatException("D=" + root.get("D") + " but means have " + mixture.dimension());
    }
    List<PriorFeature> features = new ArrayList<>();
    for (JsonNode f : require(root, "features")) {
      features.add(new PriorFeature(f.path("name").asText(), f.path("definition").asText()));
    }
    JsonNode starNode = require(root, "star_components");
    int[] stars = new int[starNode.size()];
    for (int i = 0; i < stars.length; i++) {
      stars[i] = starNode.get(i).asInt();
    }
    try {
      return new XdPrior(mixture, stars, features);
    } catch (IllegalArgumentException e) {
      throw new XdPriorFormatException(e.getMessage(), e);
    }
  }

  public static void write(XdPrior prior, OutputStream out) throws IOException {
    MAPPER.writeValue(out, toTree(prior));
  }

  /** The prior as a JSON object (to nest it in a larger model file). */
  public static ObjectNode toTree(XdPrior prior) {
    GaussianMixture m = prior.mixture();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("K", m.components());
    root.put("D", m.dimension());
    ArrayNode features = root.putArray("features");
    for (PriorFeature f : prior.features()) {
      features.addObject().put("name", f.name()).put("definition", f.definition());
    }
    ArrayNode stars = root.putArray("star_components");
    for (int j : prior.starComponents()) {
      stars.add(j);
    }
    ArrayNode alpha = root.putArray("alpha");
    ArrayNode mean = root.putArray("mean");
    ArrayNode cov = root.putArray("V");
    for (int j = 0; j < m.components(); j++) {
      alpha.add(m.weight(j));
      ArrayNode mj = mean.addArray();
      for (double v : m.mean(j)) {
        mj.add(v);
      }
      ArrayNode vj = cov.addArray();
      for (double[] row : m.covariance(j)) {
        ArrayNode r = vj.addArray();
        for (double v : row) {
          r.add(v);
        }
      }
    }
    return root;
  }

  private static JsonNode require(JsonNode root, String key) throws XdPriorFormatException {
    JsonNode n = root.get(key);
    if (n == null || !n.isArray()) {
      throw new XdPriorFormatException("missing array \"" + key + "\"");
    }
    return n;
  }

  private static double[] vector(JsonNode n, String what) throws XdPriorFormatException {
    if (n == null || !n.isArray()) {
      throw new XdPriorFormatException(what + " must be an array of numbers");
    }
    double[] v = new double[n.size()];
    for (int i = 0; i < v.length; i++) {
      if (!n.get(i).isNumber()) {
        throw new XdPriorFormatException(what + "[" + i + "] is not a number");
      }
      v[i] = n.get(i).asDouble();
    }
    return v;
  }
}
