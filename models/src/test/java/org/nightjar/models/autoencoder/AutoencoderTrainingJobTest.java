package org.nightjar.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.preprocess.PreprocessingConfig;
import org.nightjar.schemas.testing.SampleAlerts;

/** The training command's job on real ZTF alerts: reproducible, and a bundle that loads. */
class AutoencoderTrainingJobTest {
  private static final AutoencoderArchitecture SMALL = new AutoencoderArchitecture(32, 3, 4, 8, 8);

  @Test
  void sameRealAlertsAndSeedGiveTheSameWeightsAndALoadableBundle(@TempDir Path dir) throws Exception {
    Path alerts = Files.createDirectories(dir.resolve("alerts"));
    List<Path> ztf = SampleAlerts.ztf();
    for (Path file : ztf.subList(0, 80)) {
      Files.copy(file, alerts.resolve(file.getFileName()));
    }
    TrainingOptions options = new TrainingOptions(SMALL, 2, 2, 16, 1e-3, 11, 15, 15, true);
    AutoencoderTrainingJob job = new AutoencoderTrainingJob(options, PreprocessingConfig.defaults(), "test", "0.0.1");

    AutoencoderTrainingJob.Summary first = job.run(alerts, dir.resolve("a"), TrainingListener.none());
    AutoencoderTrainingJob.Summary second = job.run(alerts, dir.resolve("b"), TrainingListener.none());

    assertEquals(80, first.filesRead());
    assertEquals(80, first.train() + first.validation() + first.heldOut() + first.skipped());
    assertTrue(first.heldOut() > 0 && first.validation() > 0, first.toString());
    assertEquals(first, new AutoencoderTrainingJob.Summary(first.bundle(), second.filesRead(), second.skipped(),
        second.train(), second.validation(), second.heldOut(), second.bestEpoch(), second.bestValidationLoss()),
        "same split and same best epoch");
    ModelBundle a = ModelBundle.open(dir.resolve("a"));
    ModelBundle b = ModelBundle.open(dir.resolve("b"));
    assertArrayEquals(a.component(AutoencoderModel.COMPONENT), b.component(AutoencoderModel.COMPONENT),
        "bit-identical weights");
    assertTrue(Files.size(dir.resolve("a").resolve("loss-curve.png")) > 0);
  }
}
