package org.nightjar.models.xd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stored-prior format, checked on the real SDSS star/galaxy prior (K=32, D=10). */
class XdPriorJsonTest {

  private static XdPrior sdss;
  private static final JsonNode CHECKS = ReferenceData.json("sdss_demo_prior.json").at("/check_points/points");

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = ReferenceData.open("sdss_demo_prior.json")) {
      sdss = XdPriorJson.read(in);
    }
  }

  @Test
  void shouldReadSdssPriorLayout() {
    assertEquals(32, sdss.mixture().components());
    assertEquals(10, sdss.mixture().dimension());
    assertEquals("r_psf", sdss.features().get(0).name());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, sdss.starComponents());
    for (int j : sdss.starComponents()) {
      for (int a = 5; a < 10; a++) {
        assertEquals(0.0, sdss.mixture().mean(j)[a], "star means are pinned at 0 in the PSF-minus-model dimensions");
      }
    }
  }

  @Test
  void shouldGiveReferenceStarProbabilitiesForCheckPoints() {
    for (JsonNode p : CHECKS) {
      String name = p.get("name").asText();
      double[] x = ReferenceData.vector(p.get("x"));
      double[][] s = ReferenceData.matrix(p.get("S"));
      double expected = p.get("P_star").asDouble();
      double pStar = sdss.starProbability(x, s);
      assertEquals(expected, pStar, 1e-9 * Math.max(expected, 1e-6), name + " P(star)");
      Approx.close(p.get("loglike").asDouble(), sdss.logLikelihood(x, s), 1e-9, name + " loglike");

      XdPosterior post = sdss.posterior(x, s);
      double[] r = post.responsibilities();
      double[] rRef = ReferenceData.vector(p.get("r"));
      double sum = 0.0;
      for (int j = 0; j < r.length; j++) {
        assertEquals(rRef[j], r[j], 1e-9, name + " r_" + j);
        sum += r[j];
      }
      assertEquals(1.0, sum, 1e-12, name + " responsibilities sum to 1");
      assertEquals(pStar, sdss.starProbability(post), 1e-12, name + " P(star) from the posterior");
      Approx.close(ReferenceData.vector(p.get("post_mean")), post.mean(), 1e-8, name + " posterior mean");
      // Deconvolution shrinks: the posterior variance of every feature is below the measurement's.
      for (int a = 0; a < 10; a++) {
        assertTrue(post.covariance()[a][a] <= s[a][a] + 1e-12, name + " posterior variance " + a);
      }
    }
  }

  @Test
  void brightStarShouldBeStarAndGalaxiesNot() {
    assertTrue(starProbability("bright star") > 0.999);
    assertTrue(starProbability("red star") > 0.999);
    assertTrue(starProbability("bright galaxy") < 1e-6);
    assertTrue(starProbability("faint galaxy") < 1e-6);
    double ambiguous = starProbability("faint ambiguous");
    assertTrue(ambiguous > 0.01 && ambiguous < 0.99);
  }

  private static double starProbability(String name) {
    for (JsonNode p : CHECKS) {
      if (p.get("name").asText().equals(name)) {
        return sdss.starProbability(ReferenceData.vector(p.get("x")), ReferenceData.matrix(p.get("S")));
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Test
  void writtenPriorShouldReadBackIdentically() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XdPriorJson.write(sdss, out);
    XdPrior back = XdPriorJson.read(new ByteArrayInputStream(out.toByteArray()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"format\" : \"" + XdPriorJson.FORMAT + "\""));
    assertArrayEquals(sdss.mixture().weights(), back.mixture().weights());
    assertArrayEquals(sdss.mixture().flatMeans(), back.mixture().flatMeans());
    assertArrayEquals(sdss.mixture().flatCovariances(), back.mixture().flatCovariances());
    assertArrayEquals(sdss.starComponents(), back.starComponents());
    assertEquals(sdss.features(), back.features());
  }

  @Test
  void shouldRejectUnknownFormatVersion() {
    String json = "{\"format\":\"" + XdPriorJson.FORMAT + "\",\"version\":99,\"alpha\":[1],\"mean\":[[0]],"
        + "\"V\":[[[1]]],\"features\":[{\"name\":\"a\",\"definition\":\"b\"}],\"star_components\":[]}";
    assertThrows(XdPriorFormatException.class,
        () -> XdPriorJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void shouldRejectMissingCovariances() {
    String json = "{\"alpha\":[1],\"mean\":[[0]],\"features\":[{\"name\":\"a\",\"definition\":\"b\"}],"
        + "\"star_components\":[]}";
    assertThrows(XdPriorFormatException.class,
        () -> XdPriorJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
  }
}
