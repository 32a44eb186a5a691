package org.nightjar.models.autoencoder;

import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Process-wide ND4J settings for serving the network; call once at startup, before scoring.
 *
 * <p>ND4J checks every op's arrays against workspace scopes by default ({@code SCOPE_PANIC}), a
 * debugging aid that costs a fixed amount per op: with SameDiff's own array cache nothing here
 * needs it, and turning it off raised throughput by ≈40 % at batch 1, ≈17 % at batch 32 and ≈5 %
 * at batch 256 in one measurement (one thread). Thread count is not set here: ND4J reads it from
 * {@code OMP_NUM_THREADS} when it starts (one thread is recommended, see the models README).
 *
 * <p>Thread-safe; idempotent.
 */
public final class BackendTuning {

  private BackendTuning() {}

  /** Switches ND4J's per-op scope checks off and returns what the network runs on. */
  @SuppressWarnings("deprecation") // the ProfilerConfig replacement leaves SCOPE_PANIC on in M2.1
  public static BackendInfo applyForInference() {
    Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
    return BackendInfo.current();
  }

  /** The per-op checking ND4J currently applies, for the startup log. */
  @SuppressWarnings("deprecation") // the mode is still the one readable summary of the config
  public static String profilingMode() {
    return Nd4j.getExecutioner().getProfilingMode().name();
  }
}
