package org.nightjar.models.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.nightjar.models.autoencoder.EpochStats;
import org.nightjar.models.autoencoder.LossCurvePlot;
import org.nightjar.models.preprocess.CutoutPreprocessor;
import org.nightjar.models.preprocess.PixelDistributionPlot;
import org.nightjar.models.preprocess.PreprocessingConfig;
import org.nightjar.models.stargal.StarGalaxyEvaluation;
import org.nightjar.models.stargal.StarGalaxyFigure;
import org.nightjar.models.testing.PngAssertions;
import org.nightjar.models.testing.TestStamps;
import org.nightjar.schemas.Cutout;

/** Every figure of training and evaluation is drawn by XChart through the shared helper. */
class FiguresTest {

  @TempDir
  Path dir;

  @Test
  void histogramCountsClampsAndOutlines() {
    Histogram h = Histogram.of(new double[] {-5, 0.1, 0.2, 0.9, 1.5, Double.NaN}, 0, 1, 2);
    assertArrayEquals(new double[] {3, 2}, h.counts()); // -5 clamps into the first bin, 1.5 into the last
    assertEquals(5, h.total());
    assertArrayEquals(new double[] {0.25, 0.75}, h.centres(), 1e-12);
    double[][] xy = h.scaled(5).outline(1);
    assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1, 1}, xy[0], 1e-12);
    assertArrayEquals(new double[] {1, 1.6, 1.6, 1.4, 1.4, 1}, xy[1], 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new Histogram(1, 1, new double[1]));
  }

  @Test
  void gridPutsPanelsSideBySide() throws IOException {
    XYChart a = ChartStyle.xy(300, 200, "a", "x", "y");
    a.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
    XYChart b = ChartStyle.xy(300, 200, "b", "x", "y");
    b.addSeries("s", new double[] {0, 1}, new double[] {1, 0});
    Path png = dir.resolve("grid.png");
    Figures.saveGrid(List.of(a, b), 1, 2, png);
    PngAssertions.assertSize(PngAssertions.assertChart(png), 600, 200);
    assertThrows(IllegalArgumentException.class, () -> Figures.saveGrid(List.of(a, b), 1, 1, png));
  }

  @Test
  void lossCurveIsAChart() throws IOException {
    List<EpochStats> history = new ArrayList<>();
    for (int e = 1; e <= 40; e++) {
      history.add(new EpochStats(e, 0.5 / e + 0.05, 0.6 / e + 0.07 + (e > 30 ? 0.002 * (e - 30) : 0), 1.0, e <= 30));
    }
    Path png = dir.resolve("loss-curve.png");
    LossCurvePlot.write(history, 30, png);
    PngAssertions.assertSize(PngAssertions.assertChart(png), ChartStyle.WIDTH, ChartStyle.HEIGHT);
  }

  @Test
  void pixelDistributionsOfRealStamps() throws IOException {
    List<Cutout[]> triplets = List.of(TestStamps.triplet(TestStamps.ORDINARY), TestStamps.triplet(TestStamps.WITH_NAN),
        TestStamps.triplet(TestStamps.EDGE));
    Path png = dir.resolve("pixel-distributions.png");
    PixelDistributionPlot.write(triplets, new CutoutPreprocessor(PreprocessingConfig.defaults()), png);
    BufferedImage img = PngAssertions.assertChart(png);
    assertEquals(2 * img.getHeight() * 720 / 480, img.getWidth(), "two panels side by side");
  }

  @Test
  void starGalaxyFigureHasFourPanels() throws IOException {
    Random random = new Random(5);
    List<StarGalaxyEvaluation.Point> points = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      boolean star = random.nextBoolean();
      double raw = (star ? 0.05 : 0.6) + 0.15 * random.nextGaussian();
      points.add(new StarGalaxyEvaluation.Point(star, raw, raw * 0.8, star ? 0.9 : 0.1, 14 + 7 * random.nextDouble()));
    }
    Path png = dir.resolve("stargal.png");
    StarGalaxyFigure.write(points, "concentration", "XD prior", png);
    BufferedImage img = PngAssertions.assertChart(png);
    assertEquals(img.getWidth() * 460 / 640, img.getHeight(), "2 x 2 panels");
  }
}
