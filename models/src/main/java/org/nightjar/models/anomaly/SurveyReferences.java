package org.nightjar.models.anomaly;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.nightjar.schemas.Survey;

/**
 * The reference alerts of one survey in the latent space: row {@code i} is the embedding of alert
 * {@code alertIds[i]} of object {@code objectIds[i]}. New alerts of this survey are compared with
 * these, and only with these.
 *
 * <p>Immutable by convention: the arrays are owned by this object and never changed.
 */
public record SurveyReferences(Survey survey, float[][] vectors, long[] alertIds, String[] objectIds) {

  public SurveyReferences {
    Objects.requireNonNull(survey, "survey");
    if (vectors.length != alertIds.length || vectors.length != objectIds.length) {
      throw new IllegalArgumentException("vectors, alert ids and object ids differ in length");
    }
    for (float[] v : vectors) {
      if (v.length != vectors[0].length) {
        throw new IllegalArgumentException("reference vectors differ in length");
      }
    }
  }

  public int size() {
    return vectors.length;
  }

  public int dimension() {
    return vectors.length == 0 ? 0 : vectors[0].length;
  }

  /** The largest number of references that belong to one object. */
  public int maxAlertsPerObject() {
    Map<String, Integer> counts = new HashMap<>();
    int max = 0;
    for (String o : objectIds) {
      max = Math.max(max, counts.merge(o, 1, Integer::sum));
    }
    return max;
  }
}
