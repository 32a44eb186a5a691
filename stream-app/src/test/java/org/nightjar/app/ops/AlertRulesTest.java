package org.nightjar.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules pass {@code promtool check rules} and their unit tests under
 * {@code ops/prometheus/tests}, and every alert has a test where it fires and one where it stays
 * silent. Skipped where promtool is not installed (Debian: {@code apt-get install prometheus}).
 */
class AlertRulesTest {

  @Test
  void shouldHaveAFiringAndASilentUnitTestForEveryAlert() {
    TreeSet<String> firing = new TreeSet<>();
    TreeSet<String> silent = new TreeSet<>();
    for (Path file : OpsFiles.ruleTestFiles()) {
      for (JsonNode group : OpsFiles.yaml(file).path("tests")) {
        for (JsonNode test : group.path("alert_rule_test")) {
          String name = test.path("alertname").asText();
          (test.path("exp_alerts").isEmpty() ? silent : firing).add(name);
        }
      }
    }
    TreeSet<String> alerts = new TreeSet<>(OpsFiles.alertRules().stream().map(OpsFiles.AlertRule::name).toList());
    assertTrue(firing.containsAll(alerts), "alerts without a firing test: " + missing(alerts, firing));
    assertTrue(silent.containsAll(alerts), "alerts without a silent test: " + missing(alerts, silent));
  }

  @Test
  void shouldPassPromtoolCheckAndTheRuleUnitTests() throws Exception {
    Path promtool = promtool();
    assertPromtool(promtool, "check", "rules", OpsFiles.alertRulesFile().toString());
    for (Path tests : OpsFiles.ruleTestFiles()) {
      assertPromtool(promtool, "test", "rules", tests.toString());
    }
  }

  private static Path promtool() {
    Optional<Path> promtool = OpsFiles.onPath("promtool");
    assumeTrue(promtool.isPresent(),
        "promtool is not on the PATH: alert rule checks skipped (it comes with Prometheus; Debian: apt-get install prometheus)");
    return promtool.get();
  }

  private static void assertPromtool(Path promtool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(promtool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
    assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
  }

  private static TreeSet<String> missing(TreeSet<String> all, TreeSet<String> covered) {
    TreeSet<String> missing = new TreeSet<>(all);
    missing.removeAll(covered);
    return missing;
  }
}
