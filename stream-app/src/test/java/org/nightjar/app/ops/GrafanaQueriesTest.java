package org.nightjar.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GrafanaQueriesTest {

  @Test
  void shouldGiveGrafanasVariablesAndTheDashboardsOwnAValue() {
    assertEquals("sum(rate(x_total{instance=~\".*\", job=~\".*\"}[1m]))",
        GrafanaQueries.resolve("sum(rate(x_total{instance=~\"$instance\", job=~\"${job:regex}\"}[$__rate_interval]))",
            Set.of("instance", "job")));
    assertThrows(IllegalArgumentException.class, () -> GrafanaQueries.resolve("x{a=~\"$undeclared\"}", Set.of()));
  }

  @Test
  void shouldReadEveryTargetOfTheShippedDashboard() {
    var queries = GrafanaQueries.of(OpsFiles.dashboard());
    assertFalse(queries.isEmpty());
    queries.forEach(q -> assertFalse(q.expr().contains("$"), q.toString()));
  }
}
