package org.nightjar.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.nightjar.app.Components;
import org.nightjar.models.ScoringException;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;

/** Packets decoded and scored in micro-batches without a broker, as the stream would batch them. */
final class OfflineScoring {
  private OfflineScoring() {}

  /**
   * Decodes every packet (an undecodable one is skipped: the stream would dead-letter it) and
   * scores them in batches of {@code batchSize}.
   *
   * @param progress told the number of packets done after each one
   * @return the number of alerts scored
   */
  static long scoreAll(Components components, ScoringPipeline pipeline, List<byte[]> packets, int batchSize,
      IntConsumer progress) throws ScoringException {
    long scored = 0;
    List<Alert> batch = new ArrayList<>();
    int done = 0;
    for (byte[] packet : packets) {
      try {
        batch.add(components.codec().decode(packet));
      } catch (AlertDecodeException e) {
        // not an alert to score
      }
      if (batch.size() == batchSize) {
        scored += pipeline.score(batch).size();
        batch.clear();
      }
      progress.accept(++done);
    }
    if (!batch.isEmpty()) {
      scored += pipeline.score(batch).size();
    }
    return scored;
  }
}
