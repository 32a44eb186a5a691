package org.nightjar.models.autoencoder;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J backend runs the network and with how many threads, for a metric label and the
 * startup log line.
 *
 * <p>Immutable; thread-safe.
 *
 * @param backend ND4J backend, e.g. {@code CPU} or {@code CUDA}
 * @param blas BLAS library behind matrix products, e.g. {@code OPENBLAS}
 * @param ompThreads threads libnd4j's own ops use
 * @param blasThreads threads the BLAS library uses
 */
public record BackendInfo(String backend, String blas, int ompThreads, int blasThreads) {

  /** Reads the running backend (initialises ND4J if it is not yet). */
  public static BackendInfo current() {
    Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
    return new BackendInfo(
        String.valueOf(env.getOrDefault("backend", "unknown")),
        String.valueOf(env.getOrDefault("blas.vendor", "unknown")),
        intValue(env.get("omp.threads")),
        intValue(env.get("blas.threads")));
  }

  /** Compact label, e.g. {@code CPU/OPENBLAS/2}. */
  public String label() {
    return backend + "/" + blas + "/" + ompThreads;
  }

  private static int intValue(Object value) {
    if (value == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
