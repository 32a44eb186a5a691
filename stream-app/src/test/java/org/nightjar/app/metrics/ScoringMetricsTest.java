package org.nightjar.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.avro.Tag;

class ScoringMetricsTest {

  @Test
  void shouldExportEveryDeadLetterReasonAndTagAtZeroBeforeTheFirstAlert() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ScoringMetrics(registry);
    String scrape = registry.scrape();
    for (RejectReason reason : RejectReason.values()) {
      assertTrue(scrape.contains("nightjar_alerts_deadlettered_total{reason=\"" + reason.code() + "\",stage=\""
          + ScoringMetrics.firstStage(reason) + "\"} 0.0"), reason + " in\n" + scrape);
    }
    for (Tag tag : Tag.values()) {
      assertTrue(scrape.contains("nightjar_alerts_tagged_total{tag=\"" + tag.name().toLowerCase(Locale.ROOT) + "\"} 0.0"),
          tag + " in\n" + scrape);
    }
  }

  @Test
  void shouldCountADeadLetterOnItsReasonsZeroSeriesWhenItComesFromThatStage() {
    ScoringMetrics metrics = ScoringMetrics.inMemory();
    int series = metrics.registry().find("nightjar.alerts.deadlettered").counters().size();
    metrics.deadLettered(RejectReason.NOT_FITS, ScoringMetrics.firstStage(RejectReason.NOT_FITS));
    metrics.deadLettered(RejectReason.NOT_FITS, "embed");
    assertEquals(series + 1, metrics.registry().find("nightjar.alerts.deadlettered").counters().size(),
        "one new series, for the later stage");
    assertEquals(2.0, metrics.count("nightjar.alerts.deadlettered"));
  }
}
