package org.nightjar.models.autoencoder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The DL4J paths tried on the way to the shipped network, measured in one process so their
 * figures compare: the first design (three 3x3 stride-2 convolutions 16/32/32, 4x4 stride-2
 * transposed convolutions back) as a {@code MultiLayerNetwork} in NCHW and NHWC, with and
 * without workspaces, and as a SameDiff graph in both layouts; then the shipped patch-stem graph
 * and its encoder alone. Prints images/s per batch size; the last line is {@code key=value}.
 * The PyTorch figures of the first design come from the peer script with {@code --arch stack}.
 *
 * <pre>
 * java -cp models/target/classes:models/target/test-classes:CLASSPATH \
 *     org.nightjar.models.autoencoder.AutoencoderVariantsBenchmark [SECONDS]
 * </pre>
 */
public final class AutoencoderVariantsBenchmark {

  private static final int S = 32;
  private static final int C = 3;
  private static final int[] BATCHES = {1, 32, 256};

  private AutoencoderVariantsBenchmark() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    System.out.println("backend " + BackendInfo.current());
    Map<String, String> summary = new LinkedHashMap<>();
    for (CNN2DFormat format : new CNN2DFormat[] {CNN2DFormat.NCHW, CNN2DFormat.NHWC}) {
      for (boolean workspaces : new boolean[] {true, false}) {
        MultiLayerNetwork net = stackNetwork(format, workspaces);
        String name = "mln_stack_" + format.name().toLowerCase() + (workspaces ? "_ws" : "_nows");
        run(summary, name, x -> net.output(x, false), format == CNN2DFormat.NHWC, seconds);
      }
    }
    for (boolean nhwc : new boolean[] {false, true}) {
      SameDiff sd = stackGraph(nhwc);
      run(summary, "sd_stack_" + (nhwc ? "nhwc" : "nchw"),
          x -> sd.output(Map.of("in", x), "latent", "recon"), nhwc, seconds);
    }
    CutoutAutoencoder shipped = CutoutAutoencoder.initialise(AutoencoderArchitecture.defaults(), 1);
    run(summary, "sd_patch_nhwc", shipped::infer, true, seconds);
    SameDiff graph = shipped.graph();
    run(summary, "sd_patch_nhwc_encoder_only",
        x -> graph.output(Map.of(AutoencoderGraphFactory.INPUT, x), AutoencoderGraphFactory.LATENT), true, seconds);
    StringBuilder line = new StringBuilder();
    summary.forEach((k, v) -> line.append(line.length() == 0 ? "" : " ").append(k).append('=').append(v));
    System.out.println(line);
  }

  private static void run(
      Map<String, String> summary, String name, Function<INDArray, Object> forward, boolean nhwc, double seconds) {
    for (int batch : BATCHES) {
      INDArray x = nhwc ? Nd4j.rand(DataType.FLOAT, batch, S, S, C) : Nd4j.rand(DataType.FLOAT, batch, C, S, S);
      for (int i = 0; i < 3; i++) {
        forward.apply(x);
      }
      long calls = 0;
      long start = System.nanoTime();
      double elapsed;
      do {
        forward.apply(x);
        calls++;
        elapsed = (System.nanoTime() - start) / 1e9;
      } while (elapsed < seconds || calls < 3);
      double rate = calls * batch / elapsed;
      System.out.printf("%s batch=%d images_per_s=%.1f%n", name, batch, rate);
      summary.put(name + "_b" + batch, String.format("%.1f", rate));
    }
  }

  /** The first design as a MultiLayerNetwork. */
  private static MultiLayerNetwork stackNetwork(CNN2DFormat format, boolean workspaces) {
    WorkspaceMode mode = workspaces ? WorkspaceMode.ENABLED : WorkspaceMode.NONE;
    var conf =
        new NeuralNetConfiguration.Builder()
            .seed(1).weightInit(WeightInit.RELU).dataType(DataType.FLOAT)
            .convolutionMode(ConvolutionMode.Truncate)
            .trainingWorkspaceMode(mode).inferenceWorkspaceMode(mode)
            .list()
            .layer(conv(16, format)).layer(conv(32, format)).layer(conv(32, format))
            .layer(new DenseLayer.Builder().nOut(64).activation(Activation.IDENTITY).build())
            .layer(new DenseLayer.Builder().nOut(32 * (S / 8) * (S / 8)).activation(Activation.RELU).build())
            .layer(deconv(32, Activation.RELU, format))
            .layer(deconv(16, Activation.RELU, format))
            .layer(deconv(C, Activation.IDENTITY, format))
            .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).format(format).build())
            .inputPreProcessor(5, new FeedForwardToCnnPreProcessor(S / 8, S / 8, 32))
            .setInputType(InputType.convolutional(S, S, C, format))
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  private static ConvolutionLayer conv(int out, CNN2DFormat format) {
    return new ConvolutionLayer.Builder(3, 3).stride(2, 2).padding(1, 1).nOut(out)
        .activation(Activation.RELU).dataFormat(format).build();
  }

  private static Deconvolution2D deconv(int out, Activation activation, CNN2DFormat format) {
    return new Deconvolution2D.Builder(4, 4).stride(2, 2).padding(1, 1).nOut(out)
        .activation(activation).dataFormat(format).build();
  }

  /** The first design as a SameDiff graph. */
  private static SameDiff stackGraph(boolean nhwc) {
    Nd4j.getRandom().setSeed(1);
    SameDiff sd = SameDiff.create();
    String df = nhwc ? "NHWC" : "NCHW";
    SDVariable h = nhwc ? sd.placeHolder("in", DataType.FLOAT, -1, S, S, C) : sd.placeHolder("in", DataType.FLOAT, -1, C, S, S);
    int cin = C;
    for (int cout : new int[] {16, 32, 32}) {
      SDVariable w = sd.var(Nd4j.randn(DataType.FLOAT, 3, 3, cin, cout).muli(Math.sqrt(2.0 / (9 * cin))));
      SDVariable b = sd.var(Nd4j.zeros(DataType.FLOAT, cout));
      h = sd.nn.relu(sd.cnn.conv2d(h, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).pH(1).pW(1)
          .paddingMode(PaddingMode.VALID).dataFormat(df).build()), 0);
      cin = cout;
    }
    int side = S / 8;
    int flat = 32 * side * side;
    SDVariable latent = sd.nn.linear("latent", sd.reshape(h, -1, flat),
        sd.var(Nd4j.randn(DataType.FLOAT, flat, 64).muli(0.05)), sd.var(Nd4j.zeros(DataType.FLOAT, 64)));
    SDVariable d = sd.nn.relu(sd.nn.linear(latent, sd.var(Nd4j.randn(DataType.FLOAT, 64, flat).muli(0.1)),
        sd.var(Nd4j.zeros(DataType.FLOAT, flat))), 0);
    d = nhwc ? sd.reshape(d, -1, side, side, 32) : sd.reshape(d, -1, 32, side, side);
    cin = 32;
    int[] outs = {32, 16, C};
    for (int i = 0; i < outs.length; i++) {
      SDVariable w = sd.var(Nd4j.randn(DataType.FLOAT, 4, 4, outs[i], cin).muli(0.05));
      SDVariable b = sd.var(Nd4j.zeros(DataType.FLOAT, outs[i]));
      d = sd.cnn.deconv2d(d, w, b, DeConv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1)
          .isSameMode(false).dataFormat(df).build());
      if (i < outs.length - 1) {
        d = sd.nn.relu(d, 0);
      }
      cin = outs[i];
    }
    d.rename("recon");
    return sd;
  }
}
