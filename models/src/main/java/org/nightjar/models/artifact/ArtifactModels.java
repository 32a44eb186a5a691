package org.nightjar.models.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.bundle.ModelBundleWriter;
import org.nightjar.schemas.Survey;

/**
 * The artifact models of a bundle, one per survey, stored as two JSON components: {@value
 * #CLUSTERS} (file {@value #CLUSTERS_FILE}: centroids, sizes, the silhouette of every K tried) and
 * {@value #REGRESSION} (file {@value #REGRESSION_FILE}: feature names, standardisation, weights,
 * the weak label). A survey may have clusters without a regression (no label to train on).
 *
 * <p>Immutable; thread-safe.
 */
public final class ArtifactModels {

  public static final String CLUSTERS = "clusters";
  public static final String CLUSTERS_FILE = "clusters.json";
  public static final String REGRESSION = "artifact";
  public static final String REGRESSION_FILE = "artifact-model.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<Survey, ArtifactModel> models;

  public ArtifactModels(Map<Survey, ArtifactModel> models) {
    EnumMap<Survey, ArtifactModel> copy = new EnumMap<>(Survey.class);
    copy.putAll(models);
    this.models = java.util.Collections.unmodifiableMap(copy);
  }

  public Optional<ArtifactModel> of(Survey survey) {
    return Optional.ofNullable(models.get(survey));
  }

  public Map<Survey, ArtifactModel> models() {
    return models;
  }

  public static ArtifactModels load(ModelBundle bundle) throws BundleException {
    Map<Survey, LatentClusters> clusters = new EnumMap<>(Survey.class);
    try {
      for (Map.Entry<String, JsonNode> e : fields(JSON.readTree(bundle.component(CLUSTERS)).path("surveys"))) {
        clusters.put(Survey.valueOf(e.getKey()), readClusters(e.getValue()));
      }
    } catch (IOException | RuntimeException e) {
      throw invalid(bundle, CLUSTERS_FILE, CLUSTERS, e);
    }
    Map<Survey, ArtifactModel> models = new EnumMap<>(Survey.class);
    Map<Survey, JsonNode> regressions = new EnumMap<>(Survey.class);
    try {
      for (Map.Entry<String, JsonNode> e : fields(JSON.readTree(bundle.component(REGRESSION)).path("surveys"))) {
        regressions.put(Survey.valueOf(e.getKey()), e.getValue());
      }
      for (Map.Entry<Survey, LatentClusters> e : clusters.entrySet()) {
        JsonNode r = regressions.get(e.getKey());
        Optional<LogisticRegression> regression = r == null ? Optional.empty() : Optional.of(readRegression(r));
        String label = r == null ? "none" : r.path("label").asText("unknown");
        NeighbourLabels labels = r == null ? new NeighbourLabels(Map.of(), 0) : readLabels(r);
        models.put(e.getKey(), new ArtifactModel(e.getValue(), regression, label, labels));
      }
      for (Survey s : regressions.keySet()) {
        if (!clusters.containsKey(s)) {
          throw new IllegalArgumentException("a regression for " + s + ", which has no clusters");
        }
      }
    } catch (IOException | RuntimeException e) {
      throw invalid(bundle, REGRESSION_FILE, REGRESSION, e);
    }
    return new ArtifactModels(models);
  }

  /**
   * Adds both components to a bundle being written.
   *
   * @param trainingNotes per survey, what the regression was trained on (counts), kept in its file
   */
  public void addTo(ModelBundleWriter writer, Map<Survey, Map<String, Object>> trainingNotes) {
    ObjectNode clusterRoot = JSON.createObjectNode();
    clusterRoot.put("method", "k-means++ (commons-math3), K chosen by mean silhouette");
    ObjectNode clusterSurveys = clusterRoot.putObject("surveys");
    ObjectNode regressionRoot = JSON.createObjectNode();
    regressionRoot.put("method", "L2-penalised logistic regression on standardised features");
    ObjectNode regressionSurveys = regressionRoot.putObject("surveys");
    models.forEach((survey, model) -> {
      LatentClusters c = model.clusters();
      ObjectNode node = clusterSurveys.putObject(survey.name());
      node.put("k", c.k());
      ArrayNode centroids = node.putArray("centroids");
      for (float[] centroid : c.centroids()) {
        ArrayNode row = centroids.addArray();
        for (float f : centroid) {
          row.add(f);
        }
      }
      ArrayNode sizes = node.putArray("sizes");
      for (int s : c.sizes()) {
        sizes.add(s);
      }
      ObjectNode sil = node.putObject("silhouettes");
      new java.util.TreeMap<>(c.silhouettes()).forEach((k, v) -> sil.put(Integer.toString(k), v));
      model.regression().ifPresent(r -> {
        ObjectNode reg = regressionSurveys.putObject(survey.name());
        reg.put("label", model.label());
        ArrayNode names = reg.putArray("features");
        ArtifactFeatures.names(c.k()).forEach(names::add);
        array(reg.putArray("means"), r.means());
        array(reg.putArray("scales"), r.scales());
        array(reg.putArray("weights"), r.weights());
        reg.put("intercept", r.intercept());
        NeighbourLabels labels = model.neighbourLabels();
        ObjectNode refLabels = reg.putObject("referenceBogusness");
        refLabels.put("baseRate", labels.baseRate());
        ArrayNode ids = refLabels.putArray("alertIds");
        ArrayNode values = refLabels.putArray("bogusness");
        new java.util.TreeMap<>(labels.bogusnessByAlertId()).forEach((id, b) -> {
          ids.add(id);
          values.add(b);
        });
        ObjectNode notes = reg.putObject("training");
        trainingNotes.getOrDefault(survey, Map.of()).forEach((k, v) -> notes.putPOJO(k, v));
      });
    });
    try {
      writer.component(CLUSTERS, CLUSTERS_FILE, JSON.writeValueAsBytes(clusterRoot));
      writer.component(REGRESSION, REGRESSION_FILE, JSON.writeValueAsBytes(regressionRoot));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the artifact models", e);
    }
  }

  private static LatentClusters readClusters(JsonNode node) {
    JsonNode cs = node.path("centroids");
    float[][] centroids = new float[cs.size()][];
    for (int c = 0; c < cs.size(); c++) {
      centroids[c] = new float[cs.get(c).size()];
      for (int d = 0; d < centroids[c].length; d++) {
        centroids[c][d] = (float) number(cs.get(c).get(d));
      }
    }
    JsonNode sz = node.path("sizes");
    int[] sizes = new int[sz.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = sz.get(i).asInt();
    }
    Map<Integer, Double> sil = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : fields(node.path("silhouettes"))) {
      sil.put(Integer.parseInt(e.getKey()), number(e.getValue()));
    }
    return new LatentClusters(centroids, sizes, sil);
  }

  private static LogisticRegression readRegression(JsonNode node) {
    return new LogisticRegression(doubles(node.path("means")), doubles(node.path("scales")),
        doubles(node.path("weights")), number(node.path("intercept")));
  }

  private static NeighbourLabels readLabels(JsonNode node) {
    JsonNode refs = node.path("referenceBogusness");
    JsonNode ids = refs.path("alertIds");
    double[] values = doubles(refs.path("bogusness"));
    if (!ids.isArray() || ids.size() != values.length) {
      throw new IllegalArgumentException("referenceBogusness needs as many alertIds as bogusness values");
    }
    Map<Long, Double> labels = new java.util.HashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (!ids.get(i).canConvertToLong()) {
        throw new IllegalArgumentException("referenceBogusness.alertIds holds " + ids.get(i));
      }
      labels.put(ids.get(i).asLong(), values[i]);
    }
    return new NeighbourLabels(labels, number(refs.path("baseRate")));
  }

  private static double[] doubles(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("expected an array of numbers");
    }
    double[] d = new double[array.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = number(array.get(i));
    }
    return d;
  }

  private static double number(JsonNode n) {
    if (n == null || !n.isNumber()) {
      throw new IllegalArgumentException("expected a number, got " + n);
    }
    return n.doubleValue();
  }

  private static void array(ArrayNode node, double[] values) {
    for (double v : values) {
      node.add(v);
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("no 'surveys' object");
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    return () -> it;
  }

  private static BundleException invalid(ModelBundle bundle, String file, String component, Exception e) {
    return new BundleException("bundle " + bundle + ": file '" + file + "' (component '" + component
        + "') is not a valid artifact model: " + e.getMessage() + "; rebuild it with nightjar train artifact", e);
  }
}
