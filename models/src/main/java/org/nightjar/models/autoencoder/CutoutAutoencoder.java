package org.nightjar.models.autoencoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trained network: one forward pass over a batch of preprocessed cutout stacks returns their
 * embeddings and reconstructions. Only runs the network; preprocessing and the error computation
 * live in {@code preprocess} and {@link ReconstructionError}.
 *
 * <p>Thread-safe: calls are serialised (one SameDiff graph per instance). For more cores use
 * several instances ({@link #copy()}, {@link ParallelCutoutAutoencoder}) rather than more ND4J
 * threads, see the models README. Weights live off-heap and are freed when the instance is
 * garbage-collected.
 */
public final class CutoutAutoencoder implements AutoencoderNetwork {

  private final AutoencoderArchitecture architecture;
  private final SameDiff graph;

  CutoutAutoencoder(AutoencoderArchitecture architecture, SameDiff graph) {
    this.architecture = Objects.requireNonNull(architecture, "architecture");
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** An untrained network with seeded He-initialised weights. */
  public static CutoutAutoencoder initialise(AutoencoderArchitecture architecture, long seed) {
    return new CutoutAutoencoder(architecture, AutoencoderGraphFactory.build(architecture, seed));
  }

  /** Reads a network written by {@link #write}; the caller states the architecture it expects. */
  public static CutoutAutoencoder read(AutoencoderArchitecture architecture, InputStream in)
      throws IOException {
    SameDiff graph;
    try {
      graph = SameDiff.load(in, false);
    } catch (RuntimeException e) {
      throw new IOException("not a readable autoencoder graph: " + e.getMessage(), e);
    }
    long[] latentShape = graph.getVariable(AutoencoderGraphFactory.LATENT + "_w").getShape();
    if (latentShape == null || latentShape[1] != architecture.latentDim()) {
      throw new IOException(
          "autoencoder graph does not match the architecture " + architecture
              + " (latent weights " + java.util.Arrays.toString(latentShape) + ")");
    }
    return new CutoutAutoencoder(architecture, graph);
  }

  /** Writes the graph with its weights (SameDiff FlatBuffers format, no updater state). */
  public synchronized void write(OutputStream out) throws IOException {
    try {
      graph.save(out, false);
    } catch (RuntimeException e) {
      throw new IOException("cannot write the autoencoder graph: " + e.getMessage(), e);
    }
  }

  @Override
  public AutoencoderArchitecture architecture() {
    return architecture;
  }

  @Override
  public AutoencoderOutput infer(float[] batch, int count) {
    int length = architecture.inputLength();
    if (count <= 0 || (long) count * length > batch.length) {
      throw new IllegalArgumentException(
          "batch holds " + batch.length + " values, not " + count + " x " + length);
    }
    int s = architecture.size();
    // ND4J wants an array of exactly the shape's length; a longer one holds the batch as a prefix.
    float[] exact = batch.length == count * length ? batch : java.util.Arrays.copyOf(batch, count * length);
    INDArray input = Nd4j.create(exact, new long[] {count, s, s, architecture.channels()}, 'c');
    return infer(input);
  }

  /** One forward pass over an NHWC float array of shape [n, size, size, channels]. */
  public synchronized AutoencoderOutput infer(INDArray input) {
    if (input.dataType() != DataType.FLOAT || input.rank() != 4) {
      throw new IllegalArgumentException("expected a rank-4 FLOAT array, got " + input.shapeInfoToString());
    }
    Map<String, INDArray> out =
        graph.output(
            Map.of(AutoencoderGraphFactory.INPUT, input),
            AutoencoderGraphFactory.LATENT,
            AutoencoderGraphFactory.RECONSTRUCTION);
    INDArray latent = out.get(AutoencoderGraphFactory.LATENT);
    INDArray reconstruction = out.get(AutoencoderGraphFactory.RECONSTRUCTION);
    return new AutoencoderOutput(
        rows(latent), reconstruction.data().asFloat(), architecture.inputLength());
  }

  /**
   * The rows of a matrix. The dense layer's output is a fresh C-ordered buffer, copied out in one
   * go and split; {@code toFloatMatrix} reads it element by element (3% of the stream threads' CPU
   * in a profile).
   */
  static float[][] rows(INDArray matrix) {
    if (matrix.rank() != 2 || matrix.ordering() != 'c' || matrix.isView()
        || matrix.data().length() != matrix.length()) {
      return matrix.toFloatMatrix();
    }
    int n = matrix.rows();
    int d = matrix.columns();
    float[] all = matrix.data().asFloat();
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = java.util.Arrays.copyOfRange(all, i * d, (i + 1) * d);
    }
    return rows;
  }

  /** An independent copy with the same weights (through the serialised form). */
  public CutoutAutoencoder copy() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try {
      write(bytes);
      return read(architecture, new java.io.ByteArrayInputStream(bytes.toByteArray()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot copy the autoencoder graph", e);
    }
  }

  /** The graph itself, for training in this package. */
  SameDiff graph() {
    return graph;
  }
}
