package org.nightjar.models.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nightjar.schemas.Survey;

/**
 * A gallery of the report: rows of alerts with the files of their stamp strips, and for each its
 * nearest references as the anomaly stage recorded them.
 *
 * @param id the HTML anchor
 */
public record Gallery(String id, String title, List<Row> rows) {

  /**
   * One alert of a gallery.
   *
   * @param modelStrip its stamps as the network sees them, relative to the page; empty without stamps
   * @param linearStrip its full stamps on a linear scale, relative to the page
   */
  public record Row(ReportAlert alert, Optional<String> modelStrip, Optional<String> linearStrip,
      List<Neighbour> neighbours) {}

  /**
   * One nearest reference of an alert.
   *
   * @param strip its stamps as the network sees them; empty when its packet is not among the known
   *     files ("stamp not available")
   */
  public record Neighbour(long alertId, String objectId, double distance, Optional<String> strip) {}

  /**
   * The gallery of one k-means cluster of a survey.
   *
   * @param references how many of the bundle's references the cluster holds
   * @param alerts how many of the report's alerts fell into it
   * @param meanRealBogus mean real/bogus score of those alerts that have one
   */
  public record Cluster(Survey survey, int cluster, int references, int alerts, OptionalDouble meanRealBogus,
      Gallery gallery) {}
}
