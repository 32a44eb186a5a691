package org.nightjar.models.figures;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts as PNG files. Loading this class switches AWT to headless mode (unless the JVM
 * was told otherwise), so figures draw on servers and in CI without a display.
 *
 * <p>Stateless; thread-safe.
 */
public final class Figures {

  static {
    headless();
  }

  private Figures() {}

  /** Headless AWT unless {@code java.awt.headless} was set explicitly. */
  public static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** One chart as one PNG; the folder must exist. */
  public static void save(Chart<?, ?> chart, Path png) throws IOException {
    try (OutputStream out = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }

  /** Charts of one size as a grid of {@code rows} x {@code columns} panels in one PNG. */
  public static <T extends Chart<?, ?>> void saveGrid(List<T> charts, int rows, int columns, Path png)
      throws IOException {
    if (charts.isEmpty() || charts.size() > rows * columns) {
      throw new IllegalArgumentException(charts.size() + " charts for a grid of " + rows + " x " + columns);
    }
    try (OutputStream out = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(charts, rows, columns, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }
}
