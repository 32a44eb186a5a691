package org.nightjar.models.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.bundle.ModelBundleWriter;
import org.nightjar.models.preprocess.SortedQuantile;
import org.nightjar.schemas.Survey;

/**
 * Score → percentile tables, one per survey, built from the reference set's leave-one-object-out
 * scores (see {@link SurveyNeighbours#leaveOneObjectOutScores}). Stored as component
 * {@value #COMPONENT} (file {@value #FILE}, JSON) with the k they were made with.
 *
 * <p>Immutable; thread-safe.
 */
public final class AnomalyCalibration {

  public static final String COMPONENT = "anomaly-calibration";
  public static final String FILE = "anomaly-calibration.json";
  /** How the table's scores were made, recorded with it. */
  public static final String METHOD = "leave-one-object-out median distance to the k nearest references";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One survey's table: the sorted reference scores for {@code k} neighbours. */
  public record Table(int k, double[] sortedScores) {
    public Table {
      if (k < 1) {
        throw new IllegalArgumentException("k must be positive");
      }
      if (sortedScores.length == 0) {
        throw new IllegalArgumentException("a calibration table needs at least one score");
      }
      for (int i = 0; i < sortedScores.length; i++) {
        if (!Double.isFinite(sortedScores[i]) || (i > 0 && sortedScores[i] < sortedScores[i - 1])) {
          throw new IllegalArgumentException("calibration scores must be finite and ascending (index " + i + ")");
        }
      }
    }

    /** Sorts a copy of {@code scores} into a table. */
    public static Table of(int k, double[] scores) {
      double[] sorted = scores.clone();
      Arrays.sort(sorted);
      return new Table(k, sorted);
    }

    /**
     * The percentile (0..100) of {@code score} among the reference scores: the share below it,
     * ties counted half. Non-decreasing in {@code score}.
     */
    public double percentile(double score) {
      int below = lowerBound(score);
      int upTo = upperBound(score);
      return 100.0 * (below + 0.5 * (upTo - below)) / sortedScores.length;
    }

    /** The score at quantile {@code q} (0..1) of the table, by linear interpolation. */
    public double quantile(double q) {
      return SortedQuantile.of(sortedScores, q);
    }

    public int size() {
      return sortedScores.length;
    }

    private int lowerBound(double x) {
      int lo = 0;
      int hi = sortedScores.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sortedScores[mid] < x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private int upperBound(double x) {
      int lo = 0;
      int hi = sortedScores.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sortedScores[mid] <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  private final Map<Survey, Table> tables;

  public AnomalyCalibration(Map<Survey, Table> tables) {
    EnumMap<Survey, Table> copy = new EnumMap<>(Survey.class);
    copy.putAll(tables);
    this.tables = java.util.Collections.unmodifiableMap(copy);
  }

  public Optional<Table> of(Survey survey) {
    return Optional.ofNullable(tables.get(survey));
  }

  public Map<Survey, Table> tables() {
    return tables;
  }

  public static AnomalyCalibration load(ModelBundle bundle) throws BundleException {
    try {
      JsonNode root = JSON.readTree(bundle.component(COMPONENT));
      Map<Survey, Table> tables = new EnumMap<>(Survey.class);
      JsonNode surveys = root.path("surveys");
      if (!surveys.isObject()) {
        throw new IllegalArgumentException("no 'surveys' object");
      }
      var names = surveys.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        JsonNode t = surveys.get(name);
        JsonNode scores = t.path("scores");
        if (!scores.isArray() || !t.path("k").canConvertToInt()) {
          throw new IllegalArgumentException(name + " needs 'k' and a 'scores' array");
        }
        double[] s = new double[scores.size()];
        for (int i = 0; i < s.length; i++) {
          if (!scores.get(i).isNumber()) {
            throw new IllegalArgumentException(name + " score " + i + " is not a number");
          }
          s[i] = scores.get(i).doubleValue();
        }
        tables.put(Survey.valueOf(name), new Table(t.get("k").intValue(), s));
      }
      return new AnomalyCalibration(tables);
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleException("bundle " + bundle + ": file '" + FILE + "' (component '" + COMPONENT
          + "') is not a valid calibration: " + e.getMessage(), e);
    }
  }

  public void addTo(ModelBundleWriter writer) {
    ObjectNode root = JSON.createObjectNode();
    root.put("method", METHOD);
    ObjectNode surveys = root.putObject("surveys");
    tables.forEach((survey, t) -> {
      ObjectNode node = surveys.putObject(survey.name());
      node.put("k", t.k());
      node.put("size", t.size());
      ArrayNode scores = node.putArray("scores");
      for (double s : t.sortedScores()) {
        scores.add(s);
      }
    });
    try {
      writer.component(COMPONENT, FILE, JSON.writeValueAsBytes(root));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the calibration", e);
    }
  }
}
