package org.nightjar.models.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

  @TempDir Path dir;

  private static final byte[] WEIGHTS = "weights".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PRIOR = "{\"components\": 3}".getBytes(StandardCharsets.UTF_8);

  private BundleManifest writeSample() throws BundleException {
    return new ModelBundleWriter("test-bundle", "1.2.3")
        .optClock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
        .component("autoencoder", "autoencoder.fb", WEIGHTS)
        .component("xd", "xd-prior.json", PRIOR)
        .preprocessing("autoencoder", Map.of("size", 32))
        .hyperparameter("autoencoder", Map.of("latentDim", 64))
        .trainingData("autoencoder", Map.of("heldOutAlertIds", List.of("1", "2")))
        .library("nd4j-api", "1.0.0-M2.1")
        .write(dir);
  }

  @Test
  void shouldReadBackWhatWasWritten() throws Exception {
    writeSample();
    ModelBundle bundle = ModelBundle.open(dir);
    assertEquals("test-bundle", bundle.manifest().name());
    assertEquals("1.2.3", bundle.manifest().version());
    assertEquals("2026-01-02T03:04:05Z", bundle.manifest().createdAt());
    assertArrayEquals(WEIGHTS, bundle.component("autoencoder"));
    assertArrayEquals(PRIOR, bundle.openComponent("xd").readAllBytes());
    assertEquals(Map.of("size", 32), bundle.manifest().preprocessing().get("autoencoder"));
    assertEquals(64, bundle.sha256().length());
  }

  @Test
  void shouldRefuseTamperedComponentNamingTheFile() throws Exception {
    writeSample();
    Files.write(dir.resolve("xd-prior.json"), "{\"components\": 4}".getBytes(StandardCharsets.UTF_8));
    BundleIntegrityException e = assertThrows(BundleIntegrityException.class, () -> ModelBundle.open(dir));
    assertEquals("xd-prior.json", e.file());
    assertTrue(e.getMessage().contains("xd-prior.json"), e.getMessage());
  }

  @Test
  void shouldRefuseMissingComponentFile() throws Exception {
    writeSample();
    Files.delete(dir.resolve("autoencoder.fb"));
    BundleIntegrityException e = assertThrows(BundleIntegrityException.class, () -> ModelBundle.open(dir));
    assertEquals("autoencoder.fb", e.file());
  }

  @Test
  void shouldRefuseManifestWithoutSemanticVersion() throws Exception {
    writeSample();
    Path manifest = dir.resolve("manifest.json");
    String json = Files.readString(manifest).replace("\"1.2.3\"", "\"v1\"");
    Files.writeString(manifest, json);
    BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(dir));
    assertTrue(e.getMessage().contains("v1"), e.getMessage());
  }

  @Test
  void shouldNameAvailableComponentsWhenOneIsMissing() throws Exception {
    writeSample();
    BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(dir).component("knn"));
    assertTrue(e.getMessage().contains("knn") && e.getMessage().contains("autoencoder"), e.getMessage());
  }

  @Test
  void shouldAddComponentToExistingBundle() throws Exception {
    writeSample();
    Path next = dir.resolve("next");
    ModelBundleWriter.from(ModelBundle.open(dir), "1.3.0")
        .component("calibration", "calibration.json", "[]".getBytes(StandardCharsets.UTF_8))
        .write(next);
    ModelBundle bundle = ModelBundle.open(next);
    assertEquals("1.3.0", bundle.manifest().version());
    assertArrayEquals(WEIGHTS, bundle.component("autoencoder"));
    assertTrue(bundle.hasComponent("calibration"));
  }

  @Test
  void shouldRefuseAbsentClasspathBundle() {
    assertThrows(BundleIntegrityException.class, () -> ModelBundle.fromClasspath("no/such/bundle"));
  }
}
