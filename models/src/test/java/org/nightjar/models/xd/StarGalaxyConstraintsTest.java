package org.nightjar.models.xd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StarGalaxyConstraintsTest {

  private static final GaussianMixture INIT = ReferenceData.mixture(ReferenceData.json("xdA_init.json"));

  @Test
  void constrainShouldPinStarMeansAndDecoupleTheirCovariances() {
    StarGalaxyConstraints sg = StarGalaxyConstraints.firstHalfStars(8, 1);
    assertArrayEquals(new int[] {0, 1, 2, 3}, sg.starComponents());
    GaussianMixture c = sg.constrain(INIT);
    for (int j = 0; j < 8; j++) {
      boolean star = j < 4;
      assertEquals(star ? 0.0 : INIT.mean(j)[1], c.mean(j)[1]);
      assertEquals(INIT.mean(j)[0], c.mean(j)[0]);
      assertEquals(star ? 0.0 : INIT.covariance(j)[0][1], c.covariance(j)[0][1]);
      assertEquals(INIT.covariance(j)[1][1], c.covariance(j)[1][1]);
    }
  }

  @Test
  void fitShouldKeepTheConstraintsExactly() {
    StarGalaxyConstraints sg = StarGalaxyConstraints.firstHalfStars(8, 1);
    XdFitOptions opts = sg.applyTo(XdFitOptions.builder().optMaxUpdates(20).optRegularization(0.01)).build();
    GaussianMixture fit = new XdFitter(opts).fit(ReferenceData.datasetA(), sg.constrain(INIT)).mixture();
    for (int j = 0; j < 4; j++) {
      assertEquals(0.0, fit.mean(j)[1]);
      assertEquals(0.0, fit.covariance(j)[0][1]);
      assertEquals(0.0, fit.covariance(j)[1][0]);
    }
  }

  @Test
  void shouldRejectDimensionOutsideTheMixture() {
    StarGalaxyConstraints sg = StarGalaxyConstraints.firstHalfStars(8, 2);
    assertThrows(IllegalArgumentException.class, () -> sg.constrain(INIT));
  }
}
