package org.nightjar.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.nightjar.app.replay.AlertReplayer;
import org.nightjar.app.replay.FreshAlertIds;
import org.nightjar.schemas.AlertFiles;

/**
 * An endless stream of distinct alerts made from a small real sample: the sample's ZTF packets in
 * turn, each copy under an alert id never used before, so that deduplication stays on and drops
 * nothing. Other packets of the sample (Rubin, damaged) are left out.
 */
final class FreshTraffic {
  private final List<FreshAlertIds> packets;
  private final AtomicLong nextId;

  private FreshTraffic(List<FreshAlertIds> packets, long firstId) {
    this.packets = List.copyOf(packets);
    this.nextId = new AtomicLong(firstId);
  }

  /** @throws IllegalArgumentException when no file is a readable ZTF packet */
  static FreshTraffic of(List<Path> files) throws IOException {
    List<FreshAlertIds> packets = new ArrayList<>();
    for (Path f : files) {
      try {
        packets.add(FreshAlertIds.of(AlertFiles.read(f)));
      } catch (IOException e) {
        // not a ZTF packet: left out
      }
    }
    if (packets.isEmpty()) {
      throw new IllegalArgumentException("no readable ZTF packet among " + files.size() + " files");
    }
    // Far above real ZTF candids, and different for every run on the same broker.
    long firstId = 8_000_000_000_000_000_000L + (System.currentTimeMillis() % 1_000_000_000L) * 1_000_000L;
    return new FreshTraffic(packets, firstId);
  }

  /** Distinct packets in the sample. */
  int size() {
    return packets.size();
  }

  /** The next alerts: copy i is sample packet i mod size, under a new alert id. */
  AlertReplayer.PacketSource source() {
    return i -> packets.get(i % packets.size()).withAlertId(nextId.getAndIncrement());
  }
}
