package org.nightjar.benchmarks.autoencoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Pointer;
import org.nightjar.models.autoencoder.AutoencoderArchitecture;
import org.nightjar.models.autoencoder.AutoencoderNetwork;
import org.nightjar.models.autoencoder.BackendInfo;
import org.nightjar.models.autoencoder.BackendTuning;
import org.nightjar.models.autoencoder.CutoutAutoencoder;
import org.nightjar.models.autoencoder.ParallelCutoutAutoencoder;
import org.nightjar.models.preprocess.CutoutPreprocessor;
import org.nightjar.models.preprocess.Median;
import org.nightjar.models.preprocess.PreprocessingConfig;
import org.nightjar.schemas.Cutout;

/**
 * Inference throughput of the autoencoder in DL4J against the same layers in PyTorch, measured in
 * one run and interleaved round by round (the cores may be shared, so both sides see the same
 * load). Each round runs DL4J at every batch size, then the PyTorch peer script as a subprocess;
 * the printed figure per side is the median over rounds, PyTorch's best layout counts for the
 * ratio. It also prints single-thread preprocessing throughput and the process RSS
 * ({@code rss_mb}, heap plus ND4J's off-heap buffers) at the end. The thread count follows ND4J
 * ({@code OMP_NUM_THREADS}, default: all cores) and is passed on to PyTorch. Not a test: it prints
 * what it measured.
 *
 * <p>{@code --workers N} runs {@link ParallelCutoutAutoencoder} with N graph copies (use with
 * {@code OMP_NUM_THREADS=1}); PyTorch then gets N x ND4J's threads, so both sides use the same
 * number of threads. ND4J's per-op scope checks are off as the stream runs it ({@link BackendTuning}); pass
 * {@code --scope-checks} to measure with ND4J's default. Run it with {@code OMP_NUM_THREADS=1 ./nightjar bench autoencoder --workers 2}.
 */
public final class AutoencoderBenchmark {

  private static final Pattern TORCH_LINE =
      Pattern.compile("torch layout=(\\w+) batch=(\\d+) images_per_s=([0-9.]+)");

  /** The layers measured unless told otherwise: the shipped autoencoder's. */
  public static final AutoencoderArchitecture DEFAULT_ARCHITECTURE = new AutoencoderArchitecture(32, 3, 4, 32, 64);

  /**
   * What one run measures.
   *
   * @param batches batch sizes, each timed every round
   * @param rounds interleaved rounds; medians are printed
   * @param seconds timed seconds per batch size per round
   * @param workers network copies sharing each batch
   * @param python the Python with torch that runs the peer; empty: DL4J only
   * @param script the PyTorch peer script
   * @param tuned ND4J set up as the stream runs it (scope checks off); false: ND4J's defaults
   */
  public record Options(AutoencoderArchitecture architecture, List<Integer> batches, int rounds, double seconds, int workers,
      Optional<String> python, Path script, boolean tuned) {
    public Options {
      Objects.requireNonNull(architecture, "architecture");
      batches = List.copyOf(batches);
      if (batches.isEmpty() || batches.stream().anyMatch(b -> b < 1)) {
        throw new IllegalArgumentException("batch sizes must be positive, got " + batches);
      }
      if (rounds < 1 || !(seconds > 0) || workers < 1) {
        throw new IllegalArgumentException("rounds, seconds and workers must be positive");
      }
      Objects.requireNonNull(python, "python");
      Objects.requireNonNull(script, "script");
    }
  }

  private final AutoencoderArchitecture architecture;
  private final int[] batches;
  private final int rounds;
  private final double seconds;
  private final String python;
  private final Path script;
  private final boolean tuned;
  private final int workers;

  private AutoencoderBenchmark(Options options) {
    this.architecture = options.architecture();
    this.batches = options.batches().stream().mapToInt(Integer::intValue).toArray();
    this.rounds = options.rounds();
    this.seconds = options.seconds();
    this.python = options.python().orElse(null);
    this.script = options.script();
    this.tuned = options.tuned();
    this.workers = options.workers();
  }

  /** Measures and prints; the last line is {@code key=value} pairs. */
  public static void run(Options options) throws IOException, InterruptedException {
    new AutoencoderBenchmark(options).run();
  }

  private void run() throws IOException, InterruptedException {
    BackendInfo backend = tuned ? BackendTuning.applyForInference() : BackendInfo.current();
    System.out.printf(
        "dl4j backend=%s blas=%s omp_threads=%d blas_threads=%d profiling=%s architecture=%s multiply_adds=%d%n",
        backend.backend(), backend.blas(), backend.ompThreads(), backend.blasThreads(),
        BackendTuning.profilingMode(), architecture, architecture.multiplyAdds());
    Map<Integer, List<Double>> dl4j = new TreeMap<>();
    Map<String, List<Double>> torch = new TreeMap<>();
    boolean withTorch = python != null && torchImports();
    CutoutAutoencoder single = CutoutAutoencoder.initialise(architecture, 7);
    try (AutoencoderNetwork net = workers > 1 ? ParallelCutoutAutoencoder.of(single, workers, 16) : single) {
      for (int round = 1; round <= rounds; round++) {
        for (int batch : batches) {
          double rate = measureDl4j(net, batch);
          dl4j.computeIfAbsent(batch, b -> new ArrayList<>()).add(rate);
          System.out.printf("round=%d dl4j batch=%d images_per_s=%.1f%n", round, batch, rate);
        }
        if (withTorch) {
          for (Map.Entry<String, Double> e : runTorch(backend.ompThreads() * workers).entrySet()) {
            torch.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
            System.out.printf("round=%d torch %s images_per_s=%.1f%n", round, e.getKey(), e.getValue());
          }
        }
      }
    }
    Map<String, String> summary = new LinkedHashMap<>();
    for (int batch : batches) {
      double d = median(dl4j.get(batch));
      summary.put("dl4j_b" + batch, format(d));
      double best = 0;
      for (String layout : List.of("nchw", "nhwc")) {
        List<Double> rates = torch.get(layout + " batch=" + batch);
        if (rates != null) {
          double t = median(rates);
          summary.put("torch_" + layout + "_b" + batch, format(t));
          best = Math.max(best, t);
        }
      }
      if (best > 0) {
        summary.put("ratio_b" + batch, String.format("%.2f", d / best));
      }
    }
    summary.put("preprocess_per_s", format(measurePreprocessing()));
    summary.put("threads", Integer.toString(backend.ompThreads() * workers));
    summary.put("workers", Integer.toString(workers));
    summary.put("profiling", BackendTuning.profilingMode());
    summary.put("rss_mb", Long.toString(Pointer.physicalBytes() >> 20));
    summary.put("rounds", Integer.toString(rounds));
    StringBuilder line = new StringBuilder();
    summary.forEach((k, v) -> line.append(line.length() == 0 ? "" : " ").append(k).append('=').append(v));
    System.out.println(line);
  }

  private double measureDl4j(AutoencoderNetwork net, int batch) {
    float[] data = new float[batch * architecture.inputLength()];
    SplittableRandom random = new SplittableRandom(batch);
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < 3; i++) {
      net.infer(data, batch);
    }
    long calls = 0;
    long start = System.nanoTime();
    double elapsed;
    do {
      net.infer(data, batch);
      calls++;
      elapsed = (System.nanoTime() - start) / 1e9;
    } while (elapsed < seconds || calls < 3);
    return calls * batch / elapsed;
  }

  /** Alerts per second one thread turns from three 63x63 stamps into a network input stack. */
  private double measurePreprocessing() {
    SplittableRandom random = new SplittableRandom(5);
    Cutout[] stamps = new Cutout[3];
    for (int c = 0; c < 3; c++) {
      float[] pixels = new float[63 * 63];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (float) (100 + 10 * random.nextGaussian());
      }
      stamps[c] = Cutout.of(63, 63, pixels);
    }
    CutoutPreprocessor preprocessor =
        new CutoutPreprocessor(new PreprocessingConfig(architecture.size(), 3.0));
    long count = 0;
    long start = System.nanoTime();
    double elapsed;
    do {
      preprocessor.prepare(stamps[0], stamps[1], stamps[2]);
      count++;
      elapsed = (System.nanoTime() - start) / 1e9;
    } while (elapsed < seconds);
    System.out.printf("preprocess alerts_per_s=%.1f (one thread, 3 stamps of 63x63 each)%n", count / elapsed);
    return count / elapsed;
  }

  /** Whether the peer can run at all; without PyTorch the DL4J figures are still worth printing. */
  private boolean torchImports() throws InterruptedException {
    try {
      Process probe = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (probe.waitFor() == 0) {
        return true;
      }
    } catch (IOException e) {
      // no such interpreter: reported below like a missing module
    }
    System.out.printf("torch peer skipped: %s cannot import torch (on Debian: apt install python3-torch)%n", python);
    return false;
  }

  private Map<String, Double> runTorch(int threads) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(python, script.toString()));
    command.addAll(List.of(architecture.torchArguments()));
    command.addAll(
        List.of(
            "--threads", Integer.toString(threads),
            "--seconds", Double.toString(seconds),
            "--batches", String.join(",", Arrays.stream(batches).mapToObj(Integer::toString).toList())));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, Double> rates = new LinkedHashMap<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        Matcher m = TORCH_LINE.matcher(line);
        if (m.find()) {
          rates.put(m.group(1) + " batch=" + m.group(2), Double.parseDouble(m.group(3)));
        } else {
          System.out.println("  " + line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException("PyTorch peer exited with " + exit + ": " + command);
    }
    return rates;
  }

  private static double median(List<Double> values) {
    return Median.ofFirst(values.stream().mapToDouble(Double::doubleValue).toArray(), values.size());
  }

  private static String format(double v) {
    return String.format("%.1f", v);
  }
}
