package org.nightjar.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nightjar.benchmarks.xd.XdBenchmark;
import org.nightjar.benchmarks.xd.XdPeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Extreme Deconvolution EM speed on the reference data set B; a ratio only against a peer run in the same command. */
@Command(name = "xd", mixinStandardHelpOptions = true,
    description = {"Time XD EM updates on reference data set B (N=100,000, D=10, K=32) on 1 and 2 threads; last line key=value.",
        "The C library's timings stored with the data come from another machine and are printed as such, without a ratio.",
        "With --bovy DIR, Bovy's C library built in DIR runs on the same data in the same command, and the ratio is printed."})
public final class XdBenchCommand implements Callable<Integer> {
  /** The Python driver of Bovy's library, relative to the installation (or the working folder). */
  private static final String PEER_SCRIPT = "benchmarks/src/main/python/xd_peer_bovy.py";

  @Parameters(paramLabel = "DIR", description = "Folder holding xdB_x.f64.gz, xdB_S.f64.gz, xdB_init.json, xdB_results.json.")
  Path data;

  @Option(names = "--updates", defaultValue = "20", description = "EM updates per run (default: ${DEFAULT-VALUE}).")
  int updates;

  @Option(names = "--threads", defaultValue = "1,2", description = "Thread counts to time (default: ${DEFAULT-VALUE}).")
  String threads;

  @Option(names = "--floor", defaultValue = "1e-15",
      description = "Extra run with this responsibility floor on the largest thread count; 0 = none (default: ${DEFAULT-VALUE}).")
  double floor;

  @Option(names = "--bovy", paramLabel = "CHECKOUT",
      description = {"A built checkout of github.com/jobovy/extreme-deconvolution (its py/ folder with the compiled library):",
          "timed on each thread count beside ours, through its Python wrapper (needs numpy)."})
  Path bovy;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python running the peer (default: ${DEFAULT-VALUE}).")
  String python;

  @Override
  public Integer call() throws Exception {
    String home = System.getProperty(SampleAlerts.HOME_PROPERTY);
    Path script = home != null ? Path.of(home, PEER_SCRIPT) : Path.of(PEER_SCRIPT);
    XdBenchmark.run(new XdBenchmark.Options(data, updates,
        Arrays.stream(threads.split(",")).map(String::strip).map(Integer::valueOf).toList(), floor,
        Optional.ofNullable(bovy).map(dir -> XdPeer.bovy(python, script, dir))));
    return 0;
  }
}
