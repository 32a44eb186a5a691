package org.nightjar.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL queries of a Grafana dashboard, ready for Prometheus' HTTP API: Grafana's own
 * variables get the values Grafana would give them on a one-hour view, and each template variable
 * of the dashboard matches every value ({@code .*}, as its "All" option; dashboards select with {@code =~}).
 */
final class GrafanaQueries {
  /** One target of one panel. */
  record Query(String panel, String refId, String expr) {}

  private static final Map<String, String> BUILT_INS = Map.of("__rate_interval", "1m", "__interval", "15s",
      "__range", "1h", "__range_s", "3600", "__interval_ms", "15000");
  // $name, ${name}, ${name:format} and the deprecated [[name]]
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");

  private GrafanaQueries() {}

  /** Every target with an expression, in panel order, rows' nested panels included. */
  static List<Query> of(JsonNode dashboard) {
    Set<String> variables = new TreeSet<>();
    dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
    List<Query> queries = new ArrayList<>();
    collect(dashboard.path("panels"), variables, queries);
    return queries;
  }

  private static void collect(JsonNode panels, Set<String> variables, List<Query> into) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        if (target.hasNonNull("expr")) {
          into.add(new Query(panel.path("title").asText(), target.path("refId").asText(),
              resolve(target.get("expr").asText(), variables)));
        }
      }
      collect(panel.path("panels"), variables, into);
    }
  }

  static String resolve(String expr, Set<String> variables) {
    Matcher m = VARIABLE.matcher(expr);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      String value = BUILT_INS.get(name);
      if (value == null && variables.contains(name)) {
        value = ".*";
      }
      if (value == null) {
        throw new IllegalArgumentException("unknown Grafana variable $" + name + " in " + expr);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
