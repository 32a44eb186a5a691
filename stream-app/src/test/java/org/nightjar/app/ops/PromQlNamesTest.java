package org.nightjar.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlNamesTest {

  @Test
  void shouldFindTheSelectedMetricsAndNotFunctionsLabelsOrNumbers() {
    assertEquals(Set.of("nightjar_alerts_deadlettered_total", "nightjar_alerts_consumed_total"), PromQlNames.of(
        "sum(increase(nightjar_alerts_deadlettered_total[1h])) / clamp_min(sum(increase(nightjar_alerts_consumed_total[1h])),1e-9) > 0.05"));
    assertEquals(Set.of("nightjar_stage_duration_seconds_bucket"), PromQlNames.of(
        "histogram_quantile(0.99, sum by (le, stage) (rate(nightjar_stage_duration_seconds_bucket[5m])))"));
    assertEquals(Set.of("up", "nightjar_stream_up"), PromQlNames.of("up{job=\"nightjar\"} == 0 or nightjar_stream_up == 0"));
    assertEquals(Set.of("jvm_memory_used_bytes"), PromQlNames.of(
        "sum(jvm_memory_used_bytes{area=\"heap\", id=~\"a|b\"}) without (id) offset 5m"));
    assertEquals(Set.of("a_total", "b_total"), PromQlNames.of("label_replace(a_total, \"x\", \"$1\", \"y\", \"(.*)\") and on (x) b_total"));
  }
}
