package org.nightjar.models.xd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Loads the reference files under {@code src/test/resources/xd/} (see the README there). */
final class ReferenceData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceData() {}

  static InputStream open(String name) {
    InputStream in = ReferenceData.class.getResourceAsStream("/xd/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource xd/" + name);
    }
    return in;
  }

  static JsonNode json(String name) {
    try (InputStream in = open(name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Raw little-endian float64 array. */
  static double[] f64(String name) {
    try (InputStream in = open(name)) {
      ByteBuffer buf = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      double[] out = new double[buf.remaining() / 8];
      buf.asDoubleBuffer().get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Data set A: 1000 points in 2-D with full noise covariances. */
  static NoisyData datasetA() {
    return NoisyData.of(2, f64("xdA_x.f64"), f64("xdA_S.f64"));
  }

  /** A mixture stored as {alpha: [K], mean: [K][D], V: [K][D][D]}. */
  static GaussianMixture mixture(JsonNode node) {
    return GaussianMixture.of(vector(node.get("alpha")), matrix(node.get("mean")), tensor(node.get("V")));
  }

  static double[] vector(JsonNode n) {
    double[] v = new double[n.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = n.get(i).asDouble();
    }
    return v;
  }

  static double[][] matrix(JsonNode n) {
    double[][] m = new double[n.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(n.get(i));
    }
    return m;
  }

  static double[][][] tensor(JsonNode n) {
    double[][][] t = new double[n.size()][][];
    for (int i = 0; i < t.length; i++) {
      t[i] = matrix(n.get(i));
    }
    return t;
  }
}
