package org.nightjar.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.models.ScoringStages;
import org.nightjar.models.StageCatalog;
import org.nightjar.models.StageSettings;
import org.nightjar.models.anomaly.ReferenceSet;
import org.nightjar.models.anomaly.SurveyReferences;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.training.BundleHoldout;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.testing.SampleAlerts;

/** {@code train bundle} on the ZTF and Rubin alerts of the sample, then {@code evaluate anomaly / artifact} on it. */
class LatentCommandsTest {

  @Test
  void trainBundleWritesEveryComponentAndKeepsHeldOutObjectsOutOfTheReferences(@TempDir Path dir) throws Exception {
    String ztf = SampleAlerts.folder().resolve("ztf").toString();
    String rubin = SampleAlerts.folder().resolve("rubin").toString();
    Path out = dir.resolve("bundle");
    String trained = CommandOutput.of(new TrainBundleCommand(), "--alerts", ztf, rubin, "--out", out.toString(),
        "--epochs", "2", "--bundle-version", "0.0.1");
    assertTrue(trained.contains("reference-set"), trained);

    ModelBundle bundle = ModelBundle.open(out);
    for (String component : List.of("autoencoder", "reference-set", "anomaly-calibration", "clusters", "artifact", "stargal")) {
      assertTrue(bundle.hasComponent(component), "no " + component);
    }
    BundleHoldout holdout = BundleHoldout.of(bundle.manifest());
    ReferenceSet refs = ReferenceSet.load(bundle);
    for (Survey survey : List.of(Survey.ZTF, Survey.RUBIN)) {
      SurveyReferences r = refs.of(survey).orElseThrow();
      assertTrue(r.size() > 10, survey + " has " + r.size() + " references");
      for (int i = 0; i < r.size(); i++) {
        assertTrue(!holdout.isHeldOut(r.alertIds()[i], r.objectIds()[i]), "held-out alert " + r.alertIds()[i] + " is a reference");
      }
    }
    try (ScoringStages stages = StageCatalog.create(StageCatalog.names(), bundle, StageSettings.none())) {
      assertEquals(StageCatalog.names().size(), stages.scorers().size());
    }

    Path report = dir.resolve("report");
    String anomaly = CommandOutput.of(new EvaluateAnomalyCommand(), "--alerts", ztf, rubin, "--bundle", out.toString(),
        "--out", report.toString());
    assertTrue(anomaly.contains("| all |"), anomaly);
    String artifact = CommandOutput.of(new EvaluateArtifactCommand(), "--alerts", ztf, "--bundle", out.toString(),
        "--out", report.toString());
    assertTrue(artifact.contains("ZTF artifact ROC AUC"), artifact);
    for (String file : List.of("anomaly.html", "anomaly.png", "artifact.html", "artifact.png")) {
      assertTrue(Files.size(report.resolve(file)) > 500, file);
    }
  }
}
