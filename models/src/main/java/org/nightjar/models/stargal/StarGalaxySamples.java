package org.nightjar.models.stargal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;

/**
 * A folder of alert packets turned into what training and evaluation need: per alert its object,
 * id, whether its object is held out, its features (when measurable), PS1 labels within 1 and 5
 * arcsec, and its reference magnitude (for plots). Altered alerts and undecodable files are counted
 * and left out.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public record StarGalaxySamples(List<Entry> entries, int files, int undecodable, int altered, int unmeasurable) {

  public StarGalaxySamples {
    entries = List.copyOf(entries);
  }

  /** One usable alert. */
  public record Entry(String objectId, long alertId, boolean heldOut, StarGalaxyFeatureSet.Vector vector,
      Optional<Boolean> starWithin1, Optional<Boolean> starWithin5, OptionalDouble magnr) {}

  /**
   * Reads every {@code .avro} file under {@code folder}.
   *
   * @param progress told (files done, files total) after each file
   */
  public static StarGalaxySamples load(Path folder, StarGalaxyFeatureSet features, AlteredAlerts alteredAlerts,
      HoldoutSplit holdout, BiConsumer<Integer, Integer> progress) throws IOException {
    AlertCodec codec = AlertCodec.withDefaults();
    List<Path> files = AlertFiles.list(folder);
    List<Entry> entries = new ArrayList<>();
    Ps1Label within1 = Ps1Label.within(1.0);
    Ps1Label within5 = Ps1Label.within(5.0);
    int undecodable = 0;
    int altered = 0;
    int unmeasurable = 0;
    for (int i = 0; i < files.size(); i++) {
      progress.accept(i + 1, files.size());
      Alert alert;
      Optional<StarGalaxyFeatureSet.Vector> v;
      try {
        alert = codec.decode(AlertFiles.read(files.get(i)));
        if (alteredAlerts.isAltered(alert)) {
          altered++;
          continue;
        }
        v = features.extract(alert);
      } catch (AlertDecodeException e) {
        undecodable++;
        continue;
      }
      if (v.isEmpty()) {
        unmeasurable++;
        continue;
      }
      entries.add(new Entry(alert.objectId(), alert.alertId(), holdout.isHeldOut(alert.objectId()), v.get(),
          within1.isStar(alert), within5.isStar(alert), alert.number("magnr")));
    }
    return new StarGalaxySamples(entries, files.size(), undecodable, altered, unmeasurable);
  }

  /** The entries of objects not held out, as training samples. */
  public List<StarGalaxyTrainer.Sample> trainingSamples() {
    return entries.stream().filter(e -> !e.heldOut())
        .map(e -> new StarGalaxyTrainer.Sample(e.objectId(), e.alertId(), e.vector())).toList();
  }

  public List<Entry> heldOut() {
    return entries.stream().filter(Entry::heldOut).toList();
  }
}
