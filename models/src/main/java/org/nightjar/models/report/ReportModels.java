package org.nightjar.models.report;

import java.util.Objects;
import java.util.Optional;
import org.nightjar.models.anomaly.AnomalyCalibration;
import org.nightjar.models.anomaly.ReferenceSet;
import org.nightjar.models.artifact.ArtifactModels;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.preprocess.CutoutPreprocessor;

/**
 * What the report reads from the bundle beside the scores: the reference vectors (for the map),
 * the calibration table (the references' own score distribution), the clusters (to colour the
 * references) and the preprocessing (to show the stamps as the network sees them).
 *
 * @param artifact empty when the bundle has no clusters
 */
public record ReportModels(String bundle, ReferenceSet references, AnomalyCalibration calibration,
    Optional<ArtifactModels> artifact, CutoutPreprocessor preprocessor) {

  public ReportModels {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(references, "references");
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(preprocessor, "preprocessor");
  }

  /**
   * Reads them from a verified bundle.
   *
   * @param preprocessor the embedding stage's preprocessing
   * @throws BundleException when the bundle lacks the anomaly stage's components or they are invalid
   */
  public static ReportModels of(ModelBundle bundle, CutoutPreprocessor preprocessor) throws BundleException {
    Optional<ArtifactModels> artifact = bundle.hasComponent(ArtifactModels.CLUSTERS)
        && bundle.hasComponent(ArtifactModels.REGRESSION) ? Optional.of(ArtifactModels.load(bundle)) : Optional.empty();
    var m = bundle.manifest();
    return new ReportModels(m.name() + " " + m.version(), ReferenceSet.load(bundle), AnomalyCalibration.load(bundle),
        artifact, preprocessor);
  }
}
