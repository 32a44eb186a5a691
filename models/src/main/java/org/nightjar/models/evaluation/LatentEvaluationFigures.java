package org.nightjar.models.evaluation;

import java.io.IOException;
import java.nio.file.Path;

/** PNG + HTML figures of a {@link LatentEvaluation}. */
public final class LatentEvaluationFigures {
  private LatentEvaluationFigures() {}

  public static Path anomaly(LatentEvaluation e, Path folder) throws IOException {
    throw new UnsupportedOperationException("figures come next");
  }

  public static Path artifact(LatentEvaluation e, Path folder) throws IOException {
    throw new UnsupportedOperationException("figures come next");
  }
}
