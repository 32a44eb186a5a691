package org.nightjar.models.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks that a file is a PNG a person can look at: it reads, and it is not one flat colour. */
public final class PngAssertions {

  private PngAssertions() {}

  /** A readable PNG with more than {@code minColours} colours on a 3-pixel lattice. */
  public static BufferedImage assertPicture(Path png, int minColours) throws IOException {
    assertTrue(Files.isRegularFile(png), png + " missing");
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 8 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G',
        png + " is not a PNG");
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, png + " unreadable");
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        colours.add(img.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > minColours, png + " looks blank: " + colours.size() + " colours");
    return img;
  }

  /** A chart: many colours (text antialiasing, series). */
  public static BufferedImage assertChart(Path png) throws IOException {
    return assertPicture(png, 8);
  }

  /** The variance of the pixels' grey levels; 0 for a blank image. */
  public static double greyVariance(BufferedImage img) {
    double sum = 0;
    double sq = 0;
    long n = (long) img.getWidth() * img.getHeight();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        double g = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3.0;
        sum += g;
        sq += g * g;
      }
    }
    double mean = sum / n;
    return sq / n - mean * mean;
  }

  public static void assertSize(BufferedImage img, int width, int height) {
    assertEquals(width, img.getWidth(), "width");
    assertEquals(height, img.getHeight(), "height");
  }
}
