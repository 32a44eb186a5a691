package org.nightjar.models.stargal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nightjar.schemas.Alert;

/**
 * Alerts whose PS1 and solar-system fields were overwritten upstream and must not train or
 * evaluate a star/galaxy model: those listed in an exclusion file (CSV with a {@code candid}
 * column, or one alert id per line), and those carrying Fink's test placeholders
 * sgscore1 = 0.2, distpsnr1 = 120 and ssdistnr = 60 together.
 *
 * <p>Immutable and thread-safe.
 */
public final class AlteredAlerts {

  private final Set<Long> listed;

  private AlteredAlerts(Set<Long> listed) {
    this.listed = Set.copyOf(listed);
  }

  /** Only the placeholder rule. */
  public static AlteredAlerts placeholdersOnly() {
    return new AlteredAlerts(Set.of());
  }

  /** The placeholder rule plus the alert ids of a file. */
  public static AlteredAlerts fromFile(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Set<Long> ids = new HashSet<>();
    int column = 0;
    int start = 0;
    if (!lines.isEmpty() && !lines.get(0).isBlank() && !Character.isDigit(lines.get(0).trim().charAt(0))) {
      List<String> header = List.of(lines.get(0).split(","));
      column = header.indexOf("candid");
      if (column < 0) {
        throw new IOException(file + ": header has no 'candid' column: " + header);
      }
      start = 1;
    }
    for (String line : lines.subList(start, lines.size())) {
      if (!line.isBlank()) {
        ids.add(Long.parseLong(line.split(",")[column].trim()));
      }
    }
    return new AlteredAlerts(ids);
  }

  public int listedCount() {
    return listed.size();
  }

  public boolean isAltered(Alert alert) {
    return listed.contains(alert.alertId()) || hasPlaceholders(alert);
  }

  private static boolean hasPlaceholders(Alert alert) {
    return near(alert, "sgscore1", 0.2, 1e-6) && near(alert, "distpsnr1", 120.0, 1e-6) && near(alert, "ssdistnr", 60.0, 1e-6);
  }

  private static boolean near(Alert alert, String field, double value, double tolerance) {
    return alert.number(field).stream().anyMatch(v -> Math.abs(v - value) <= tolerance);
  }
}
