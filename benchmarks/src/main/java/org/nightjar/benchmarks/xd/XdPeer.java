package org.nightjar.benchmarks.xd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another XD implementation timed in the same command on the same data, so that a speed ratio
 * compares two runs on one machine under one load. The peer is a command; it is called with
 * {@code --data DIR --updates N --threads T} (and {@code OMP_NUM_THREADS=T}) and must print a line
 * {@code xd_peer s_per_update=SECONDS [L=VALUE]}. Its other output is echoed, indented.
 *
 * @param name what the peer is, as printed
 * @param command the command and its fixed arguments
 */
public record XdPeer(String name, List<String> command) {
  private static final Pattern RESULT = Pattern.compile("xd_peer s_per_update=([0-9.eE+-]+)(?: L=([0-9.eE+-]+))?");

  /** What the peer measured. */
  public record Result(double secondsPerUpdate, OptionalDouble logLikelihood) {}

  public XdPeer {
    Objects.requireNonNull(name, "name");
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the peer needs a command");
    }
  }

  /**
   * Bovy's C library through its own Python wrapper, from a built checkout (the {@code py/} folder
   * holding {@code extreme_deconvolution.py} and the compiled {@code _extreme_deconvolution} library).
   */
  public static XdPeer bovy(String python, Path script, Path checkout) {
    return new XdPeer("Bovy's C library (" + checkout + ")", List.of(python, script.toString(), "--bovy", checkout.toString()));
  }

  /** Runs the peer once; throws when it fails or prints no result line. */
  public Result run(Path data, int updates, int threads) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(List.of("--data", data.toString(), "--updates", Integer.toString(updates), "--threads", Integer.toString(threads)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
    Process process = pb.start();
    Result result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = RESULT.matcher(line.strip());
        if (m.matches()) {
          result = new Result(Double.parseDouble(m.group(1)),
              m.group(2) == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(m.group(2))));
        } else {
          System.out.println("  " + line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || result == null) {
      throw new IOException("XD peer " + cmd + (exit != 0 ? " exited with " + exit : " printed no 'xd_peer s_per_update=' line"));
    }
    return result;
  }
}
