package org.nightjar.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.app.Main;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;

class ReportCommandTest {

  @Test
  void shouldWriteThePageAndCountWhatItCouldNotScore(@TempDir Path dir) throws Exception {
    Path alerts = Files.createDirectories(dir.resolve("alerts"));
    List<Path> ztf = SampleAlerts.ztf().subList(0, 24);
    for (Path p : ztf) {
      Files.copy(p, alerts.resolve(p.getFileName()));
    }
    Files.write(alerts.resolve("not-avro.avro"), BadAlerts.notAvro().message());
    Path out = dir.resolve("report");
    String printed = CommandOutput.of(Main.commandLine().getCommand(), "report", "--alerts", alerts.toString(),
        SampleAlerts.folder().resolve("rubin").toString(), "--out", out.toString(), "--neighbour-alerts",
        SampleAlerts.folder().resolve("ztf").toString(), "--injected", "4", "--map-points", "400");
    assertTrue(printed.contains("55 files, 54 alerts scored, 1 not scored"), printed); // 24 ZTF + 30 Rubin + 1 bad
    String page = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("not-avro.avro") && page.contains("undecodable (not-avro)"), "the bad file is listed");
    assertTrue(Files.isRegularFile(out.resolve("map-survey.png")));
    assertEquals(2 * 16, page.split("<tr class=\"alert\"", -1).length - 1, "16 most and 16 least anomalous rows");
  }
}
