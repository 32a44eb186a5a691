package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nightjar.models.xd.XdBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Extreme Deconvolution EM speed on the reference data set B, beside Bovy's C figures. */
@Command(name = "xd", mixinStandardHelpOptions = true,
    description = {"Time XD EM updates on reference data set B (N=100,000, D=10, K=32) on 1 and 2 threads,",
        "beside the reference implementation's figures; last line key=value."})
public final class XdBenchCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "Folder holding xdB_x.f64.gz, xdB_S.f64.gz, xdB_init.json, xdB_results.json.")
  Path data;

  @Option(names = "--updates", defaultValue = "20", description = "EM updates per run (default: ${DEFAULT-VALUE}).")
  int updates;

  @Option(names = "--threads", defaultValue = "1,2", description = "Thread counts to time (default: ${DEFAULT-VALUE}).")
  String threads;

  @Option(names = "--floor", defaultValue = "1e-15",
      description = "Extra run with this responsibility floor on the largest thread count; 0 = none (default: ${DEFAULT-VALUE}).")
  String floor;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of(data.toString(), Integer.toString(updates), threads, floor));
    XdBenchmark.main(args.toArray(String[]::new));
    return 0;
  }
}
