package org.nightjar.models;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;
import org.nightjar.schemas.Survey;
import org.nightjar.schemas.avro.CutoutSummary;
import org.nightjar.schemas.avro.QualityFlag;

/**
 * Decodes every stamp of an alert once, before any scorer runs, so that a corrupt stamp rejects
 * the alert with its precise reason and real-world oddities (NaN pixels, edge-of-detector sizes,
 * no stamps at all) become quality flags instead.
 */
public final class CutoutInspector {
  /** ZTF stamps are 63x63 pixels except at the detector edge. */
  static final int ZTF_STAMP_SIDE = 63;

  /** The stamps found in one alert and the flags they raise. */
  public record Inspection(List<CutoutSummary> summaries, EnumSet<QualityFlag> flags) {}

  private CutoutInspector() {}

  /**
   * @throws AlertDecodeException when a stamp is present but unreadable
   */
  public static Inspection inspect(Alert alert) throws AlertDecodeException {
    List<CutoutSummary> summaries = new ArrayList<>(3);
    EnumSet<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
    for (CutoutKind kind : CutoutKind.values()) {
      Optional<Cutout> cutout = alert.cutout(kind);
      if (cutout.isEmpty()) {
        continue;
      }
      Cutout c = cutout.get();
      summaries.add(new CutoutSummary(
          org.nightjar.schemas.avro.CutoutKind.valueOf(kind.name()), c.width(), c.height(), c.nonFiniteFraction()));
      if (c.isAllNonFinite()) {
        flags.add(QualityFlag.ALL_NAN_CUTOUT);
      } else if (c.nonFiniteCount() > 0) {
        flags.add(QualityFlag.NAN_PIXELS);
      }
      if (isEdgeStamp(alert.survey(), c)) {
        flags.add(QualityFlag.EDGE_CUTOUT);
      }
    }
    if (summaries.isEmpty()) {
      flags.add(QualityFlag.NO_CUTOUTS);
    }
    return new Inspection(summaries, flags);
  }

  private static boolean isEdgeStamp(Survey survey, Cutout c) {
    // Rubin stamps vary in size by design; only a non-square one is cut by an edge.
    return survey == Survey.ZTF
        ? c.width() < ZTF_STAMP_SIDE || c.height() < ZTF_STAMP_SIDE
        : c.width() != c.height();
  }
}
