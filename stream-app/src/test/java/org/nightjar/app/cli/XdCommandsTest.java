package org.nightjar.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.models.stargal.StarGalaxyModel;
import org.nightjar.models.stargal.StarGalaxyModelJson;
import org.nightjar.schemas.testing.SampleAlerts;

/** {@code train xd} then {@code evaluate xd} on the ZTF alerts of the sample. */
class XdCommandsTest {

  @Test
  void trainWritesAPriorThatEvaluateReadsAndReports(@TempDir Path dir) throws Exception {
    String alerts = SampleAlerts.folder().resolve("ztf").toString();
    Path bundle = dir.resolve("bundle");
    String trained = run(new TrainXdCommand(), "--alerts", alerts, "--out", bundle.toString(), "--components", "2,4",
        "--seed", "3", "--threads", "1");
    assertTrue(trained.contains("chosen K="), trained);
    StarGalaxyModel model = StarGalaxyModelJson.read(bundle);
    assertTrue(org.nightjar.models.bundle.ModelBundle.open(bundle).hasComponent("autoencoder"),
        "the base bundle's autoencoder is kept beside the new star/galaxy component");
    assertEquals(3, model.features().dimension());
    assertTrue(model.training().get("components_tried").contains("2, 4"));
    assertTrue(!model.heldOutAlertIds().isEmpty(), "held-out alert ids recorded");

    Path report = dir.resolve("report");
    String evaluated = run(new EvaluateXdCommand(), "--alerts", alerts, "--prior", bundle.toString(), "--out",
        report.toString());
    assertTrue(evaluated.contains("PS1 counterpart within 1 arcsec"), evaluated);
    assertTrue(evaluated.contains("PS1 counterpart within 5 arcsec"), evaluated);
    assertTrue(Files.size(report.resolve("stargal.png")) > 1000);
    assertTrue(Files.readString(report.resolve("stargal.html")).contains("<img src=\"stargal.png\""));
  }

  private static String run(Object command, String... args) {
    return CommandOutput.of(command, args);
  }
}
