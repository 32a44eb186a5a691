package org.nightjar.models.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Fonts, sizes, colours and strokes shared by every chart, and builders of charts already styled
 * with them, so that a loss curve, an evaluation panel and a report map read alike.
 *
 * <p>Stateless; thread-safe (each chart is styled on its own).
 */
public final class ChartStyle {

  /** Default panel size in pixels. */
  public static final int WIDTH = 900;
  public static final int HEIGHT = 600;

  public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  public static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
  public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  public static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 16);

  /** Categorical colours (matplotlib's tab10), for series that are told apart by name. */
  public static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
      new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f)};

  public static final BasicStroke SOLID = new BasicStroke(2.5f);
  public static final BasicStroke THIN = new BasicStroke(1.5f);
  public static final BasicStroke DASHED =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
  public static final BasicStroke DOTTED =
      new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 5f}, 0f);

  static {
    Figures.headless();
  }

  private ChartStyle() {}

  /** The {@code i}-th categorical colour, cycling. */
  public static Color colour(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** {@code c} with alpha {@code alpha} (0..255). */
  public static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /** An XY chart of the default size with the house style. */
  public static XYChart xy(String title, String xAxis, String yAxis) {
    return xy(WIDTH, HEIGHT, title, xAxis, yAxis);
  }

  public static XYChart xy(int width, int height, String title, String xAxis, String yAxis) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xAxis)
        .yAxisTitle(yAxis).build();
    apply(chart.getStyler());
    return chart;
  }

  /** A category (bar) chart of the default size with the house style. */
  public static CategoryChart category(String title, String xAxis, String yAxis) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis)
        .yAxisTitle(yAxis).build();
    apply(chart.getStyler());
    return chart;
  }

  /** White background, light grid, the shared fonts, antialiasing, locale-independent numbers. */
  public static void apply(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Color.GRAY);
    s.setPlotGridLinesColor(new Color(225, 225, 225));
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setChartTitleBoxVisible(false);
    s.setChartTitleFont(TITLE_FONT);
    s.setAxisTitleFont(AXIS_TITLE_FONT);
    s.setAxisTickLabelsFont(TICK_FONT);
    s.setLegendFont(LEGEND_FONT);
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    s.setLegendBackgroundColor(new Color(255, 255, 255, 230));
    s.setLegendSeriesLineLength(36);
    s.setChartFontColor(Color.BLACK);
    s.setAxisTickLabelsColor(Color.BLACK);
    s.setChartPadding(14);
    s.setAntiAlias(true);
    s.setLocale(Locale.ROOT);
    s.setAnnotationTextFont(LABEL_FONT);
    s.setAnnotationTextFontColor(Color.BLACK);
  }
}
