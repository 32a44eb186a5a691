package org.nightjar.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.app.Main;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;

class ScoreCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldPrintOneJsonLinePerMessageAndCarryOnPastBadOnes(@TempDir Path dir) throws Exception {
    Path good = SampleAlerts.ztf().get(0);
    Files.copy(good, dir.resolve("a-good.avro"));
    Files.write(dir.resolve("b-not-avro.avro"), BadAlerts.notAvro().message());
    Files.write(dir.resolve("c-truncated-gzip.avro"), BadAlerts.truncatedGzipCutout().message());
    Files.copy(SampleAlerts.rubinConfluent().get(0), dir.resolve("d-rubin.avro"));

    List<JsonNode> lines = run("score", dir.toString());
    assertEquals(4, lines.size());
    JsonNode first = lines.get(0);
    assertEquals(AlertCodec.withDefaults().decode(Files.readAllBytes(good)).alertId(), first.get("alertId").asLong());
    for (String field : List.of("objectId", "survey", "eventTime", "scoredAt", "cutouts", "flags", "tags", "stageMillis")) {
      assertTrue(first.has(field), "AlertScores field " + field);
    }
    assertEquals(5, first.get("anomaly").get("neighbours").size(), "the default stages explain the anomaly score");
    assertTrue(first.get("anomaly").get("percentile").asDouble() >= 0);
    assertTrue(first.get("artifact").get("probability").isNumber(), "and give an artifact probability");

    JsonNode notAvro = lines.get(1);
    assertTrue(notAvro.get("file").asText().endsWith("b-not-avro.avro"));
    assertEquals("not-avro", notAvro.get("reason").asText());
    assertEquals("decode", notAvro.get("stage").asText());
    assertEquals("org.nightjar.schemas.AlertDecodeException", notAvro.get("error").asText());

    JsonNode gzip = lines.get(2);
    assertEquals("truncated-gzip", gzip.get("reason").asText());
    assertEquals("cutouts", gzip.get("stage").asText());

    assertEquals("RUBIN", lines.get(3).get("survey").asText());
  }

  private static List<JsonNode> run(String... args) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      exit = Main.commandLine().execute(args);
    } finally {
      System.setOut(saved);
    }
    assertEquals(0, exit);
    List<JsonNode> out = new ArrayList<>();
    for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }
}
