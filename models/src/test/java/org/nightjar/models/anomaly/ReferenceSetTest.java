package org.nightjar.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.models.autoencoder.AutoencoderModel;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.bundle.ModelBundleWriter;
import org.nightjar.schemas.Survey;

class ReferenceSetTest {

  private static ReferenceSet sample(String autoencoderSha) {
    SurveyReferences ztf = new SurveyReferences(Survey.ZTF, new float[][] {{1, 2, 0}, {3, 4, 1}},
        new long[] {11, 12}, new String[] {"ZTF18a", "ZTF18b"});
    SurveyReferences rubin = new SurveyReferences(Survey.RUBIN, new float[][] {{5, 6, -1}},
        new long[] {21}, new String[] {"170"});
    SearchSpace space = SearchSpace.fit(2, List.of("d"), List.of(new double[] {0}, new double[] {1}), 1.0);
    return new ReferenceSet(space, autoencoderSha, Map.of(Survey.ZTF, ztf, Survey.RUBIN, rubin));
  }

  @Test
  void shouldReadBackWhatItWrote() throws Exception {
    ReferenceSet back = ReferenceSet.decode(sample("abc").encode());
    assertEquals(3, back.dimension());
    assertEquals("abc", back.autoencoderSha256());
    assertArrayEquals(new long[] {11, 12}, back.of(Survey.ZTF).orElseThrow().alertIds());
    assertArrayEquals(new float[] {5, 6, -1}, back.of(Survey.RUBIN).orElseThrow().vectors()[0]);
    assertEquals("ZTF18b", back.of(Survey.ZTF).orElseThrow().objectIds()[1]);
    assertEquals(List.of("d"), back.space().descriptors());
  }

  @Test
  void shouldRefuseATruncatedOrGarbledFile() {
    byte[] good = sample("abc").encode();
    for (int cut : new int[] {0, 5, 20, good.length / 2, good.length - 1}) {
      assertThrows(java.io.IOException.class, () -> ReferenceSet.decode(Arrays.copyOf(good, cut)), "cut at " + cut);
    }
    byte[] longer = Arrays.copyOf(good, good.length + 3);
    assertThrows(java.io.IOException.class, () -> ReferenceSet.decode(longer));
    byte[] wrongMagic = good.clone();
    wrongMagic[0] = 'X';
    assertThrows(java.io.IOException.class, () -> ReferenceSet.decode(wrongMagic));
  }

  @Test
  void shouldRefuseAReferenceSetMadeByAnotherAutoencoderNamingTheFile(@TempDir Path dir) throws Exception {
    ModelBundle base = ModelBundle.defaultBundle();
    ModelBundleWriter writer = ModelBundleWriter.from(base, "9.9.9");
    sample("0000000000000000000000000000000000000000000000000000000000000000").addTo(writer);
    writer.write(dir);
    BundleException e = assertThrows(BundleException.class, () -> ReferenceSet.load(ModelBundle.open(dir)));
    assertTrue(e.getMessage().contains(ReferenceSet.FILE) && e.getMessage().contains("another autoencoder"), e.getMessage());
  }

  @Test
  void shouldRefuseACorruptFileWhoseChecksumWasUpdatedNamingTheFile(@TempDir Path dir) throws Exception {
    ModelBundle base = ModelBundle.defaultBundle();
    ModelBundleWriter writer = ModelBundleWriter.from(base, "9.9.9");
    writer.component(ReferenceSet.COMPONENT, ReferenceSet.FILE, "not a reference set".getBytes());
    writer.write(dir);
    BundleException e = assertThrows(BundleException.class, () -> ReferenceSet.load(ModelBundle.open(dir)));
    assertTrue(e.getMessage().contains(ReferenceSet.FILE), e.getMessage());
    // And one changed after its checksum was recorded is refused by the bundle itself.
    Files.write(dir.resolve(ReferenceSet.FILE), "tampered".getBytes());
    BundleException tampered = assertThrows(BundleException.class, () -> ModelBundle.open(dir));
    assertTrue(tampered.getMessage().contains(ReferenceSet.FILE), tampered.getMessage());
    assertTrue(base.manifest().components().containsKey(AutoencoderModel.COMPONENT));
  }
}
