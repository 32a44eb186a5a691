package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nightjar.benchmarks.autoencoder.AutoencoderBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Autoencoder inference images/s in DL4J beside the same layers in PyTorch, in one run. */
@Command(name = "autoencoder", mixinStandardHelpOptions = true,
    description = {"Images/s of the autoencoder at several batch sizes in DL4J and, interleaved in the same run,",
        "the same layers in PyTorch (Debian's python3-torch), with the ratio; last line key=value.",
        "Run with OMP_NUM_THREADS=1 and --workers 2 to measure the stream's configuration."})
public final class AutoencoderBenchCommand implements Callable<Integer> {
  @Option(names = "--batches", defaultValue = "1,32,256", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
  String batches;

  @Option(names = "--rounds", defaultValue = "3", description = "Interleaved rounds; medians are printed (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seconds", defaultValue = "2", description = "Seconds per batch size per round (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--workers", defaultValue = "1", description = "Network copies sharing each batch (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch 1.13 (default: ${DEFAULT-VALUE}).")
  String python;

  @Option(names = "--no-torch", description = "DL4J only.")
  boolean noTorch;

  @Option(names = "--scope-checks", description = "Keep ND4J's per-op scope checks on (its default; the stream turns them off).")
  boolean scopeChecks;

  /** The PyTorch peer, relative to the installation (or the working folder). */
  private static final String SCRIPT = "benchmarks/src/main/python/autoencoder_bench.py";

  @Override
  public Integer call() throws Exception {
    String home = System.getProperty(SampleAlerts.HOME_PROPERTY);
    Path script = home != null ? Path.of(home, SCRIPT) : Path.of(SCRIPT);
    AutoencoderBenchmark.run(new AutoencoderBenchmark.Options(AutoencoderBenchmark.DEFAULT_ARCHITECTURE,
        Arrays.stream(batches.split(",")).map(String::strip).map(Integer::valueOf).toList(), rounds, seconds, workers,
        noTorch ? Optional.empty() : Optional.of(python), script, !scopeChecks));
    return 0;
  }
}
