package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nightjar.models.autoencoder.AutoencoderBenchmark;
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

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of("--batches", batches, "--rounds", Integer.toString(rounds),
        "--seconds", Double.toString(seconds), "--workers", Integer.toString(workers), "--python", python));
    String home = System.getProperty(SampleAlerts.HOME_PROPERTY);
    if (home != null) {
      args.addAll(List.of("--script", Path.of(home, "models/src/bench/python/autoencoder_bench.py").toString()));
    }
    if (noTorch) {
      args.add("--no-torch");
    }
    AutoencoderBenchmark.main(args.toArray(String[]::new));
    return 0;
  }
}
