package org.nightjar.models.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;

/**
 * Where the packet of an alert id lies, among the report's own alerts and any further packet
 * files (e.g. the alerts a bundle's references came from): the report shows a neighbour's stamps
 * only when its packet is among them, and says so otherwise.
 *
 * <p>Immutable; thread-safe.
 */
public final class PacketFiles {

  private final Map<Long, Path> files;

  private PacketFiles(Map<Long, Path> files) {
    this.files = Map.copyOf(files);
  }

  /**
   * The scored alerts' files, then those of {@code more} (decoded once for their ids; unreadable
   * ones are passed over, they cannot show stamps anyway).
   */
  public static PacketFiles of(List<ReportAlert> alerts, List<Path> more, AlertCodec codec) {
    Map<Long, Path> files = new HashMap<>();
    for (Path file : more) {
      try {
        Alert a = codec.decode(AlertFiles.read(file));
        files.putIfAbsent(a.alertId(), file);
      } catch (AlertDecodeException | IOException e) {
        // not a readable packet: nothing to show from it
      }
    }
    alerts.forEach(a -> files.put(a.alertId(), a.file()));
    return new PacketFiles(files);
  }

  public Optional<Path> file(long alertId) {
    return Optional.ofNullable(files.get(alertId));
  }

  public int size() {
    return files.size();
  }
}
