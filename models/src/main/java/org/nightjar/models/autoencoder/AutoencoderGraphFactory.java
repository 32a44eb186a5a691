package org.nightjar.models.autoencoder;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the {@link AutoencoderArchitecture} as a SameDiff graph with He-initialised weights.
 *
 * <p>SameDiff rather than {@code MultiLayerNetwork}: the graph calls libnd4j's conv2d/deconv2d ops
 * directly in NHWC, and one {@code output} call yields both the embedding and the reconstruction.
 * The graph also carries the masked training loss, which inference never evaluates.
 *
 * <p>Stateless; thread-safe.
 */
public final class AutoencoderGraphFactory {

  /** Placeholder for the preprocessed batch, NHWC. */
  public static final String INPUT = "input";
  /** Placeholder for the finite-pixel mask (1 = real pixel), same shape as the input. */
  public static final String MASK = "mask";
  /** The embedding, [batch, latentDim]. */
  public static final String LATENT = "latent";
  /** The reconstructed input, NHWC. */
  public static final String RECONSTRUCTION = "reconstruction";
  /** Scalar masked mean squared error, the training objective. */
  public static final String LOSS = "loss";

  private static final String NHWC = "NHWC";

  private AutoencoderGraphFactory() {}

  /**
   * A fresh graph; the same architecture and seed give the same initial weights.
   */
  public static SameDiff build(AutoencoderArchitecture a, long seed) {
    Nd4j.getRandom().setSeed(seed);
    SameDiff sd = SameDiff.create();
    int c = a.channels();
    int w = a.width();
    int p = a.patch();
    SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, a.size(), a.size(), c);
    SDVariable mask = sd.placeHolder(MASK, DataType.FLOAT, -1, a.size(), a.size(), c);

    SDVariable h = sd.nn.relu(conv(sd, "stem", input, p, p, 0, c, w), 0);
    h = sd.nn.relu(conv(sd, "down", h, 3, 2, 1, w, w), 0);
    int flat = a.bottleneckSide() * a.bottleneckSide() * w;
    SDVariable latent = dense(sd, LATENT, sd.reshape(h, -1, flat), flat, a.latentDim());

    SDVariable d = sd.nn.relu(dense(sd, "expand", latent, a.latentDim(), flat), 0);
    d = sd.reshape(d, -1, a.bottleneckSide(), a.bottleneckSide(), w);
    d = sd.nn.relu(deconv(sd, "up", d, 2, w, w), 0);
    SDVariable reconstruction = deconv(sd, "unstem", d, p, w, c).rename(RECONSTRUCTION);

    SDVariable diff = reconstruction.sub(input).mul(mask);
    SDVariable squared = diff.mul(diff).sum();
    // Guard against an all-masked batch so the loss stays finite.
    SDVariable count = mask.sum().add(1e-6);
    squared.div(LOSS, count).markAsLoss();
    return sd;
  }

  private static SDVariable conv(
      SameDiff sd, String name, SDVariable in, int kernel, int stride, int pad, int cIn, int cOut) {
    SDVariable weights = sd.var(name + "_w", he(kernel * kernel * cIn, kernel, kernel, cIn, cOut));
    SDVariable bias = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, cOut));
    Conv2DConfig config =
        Conv2DConfig.builder()
            .kH(kernel).kW(kernel).sH(stride).sW(stride).pH(pad).pW(pad)
            .paddingMode(PaddingMode.VALID)
            .dataFormat(NHWC)
            .build();
    return sd.cnn.conv2d(name, in, weights, bias, config);
  }

  /** Transposed convolution with kernel = stride: each input pixel paints one output block. */
  private static SDVariable deconv(
      SameDiff sd, String name, SDVariable in, int kernel, int cIn, int cOut) {
    // deconv2d weights are [kH, kW, cOut, cIn].
    SDVariable weights = sd.var(name + "_w", he(cIn, kernel, kernel, cOut, cIn));
    SDVariable bias = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, cOut));
    DeConv2DConfig config =
        DeConv2DConfig.builder()
            .kH(kernel).kW(kernel).sH(kernel).sW(kernel).pH(0).pW(0)
            .isSameMode(false)
            .dataFormat(NHWC)
            .build();
    return sd.cnn.deconv2d(name, in, weights, bias, config);
  }

  private static SDVariable dense(SameDiff sd, String name, SDVariable in, int nIn, int nOut) {
    SDVariable weights = sd.var(name + "_w", he(nIn, nIn, nOut));
    SDVariable bias = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, nOut));
    return sd.nn.linear(name, in, weights, bias);
  }

  private static INDArray he(int fanIn, long... shape) {
    return Nd4j.randn(DataType.FLOAT, shape).muli(Math.sqrt(2.0 / fanIn));
  }
}
