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
import org.nightjar.schemas.Survey;

/**
 * Folders of alert packets turned into what training and evaluation of one survey's prior need: per
 * alert of that survey its object, id, whether its object is held out, its features (when
 * measurable), its reference labels (ZTF: PS1 within 1 and 5 arcsec; Rubin: extendedness) and a
 * magnitude for plots (ZTF: the reference source's magnr; Rubin: the difference-image PSF magnitude).
 * Alerts of other surveys, altered alerts and undecodable files are counted and left out.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public record StarGalaxySamples(List<Entry> entries, int files, int undecodable, int altered, int unmeasurable,
    int otherSurveys) {

  public StarGalaxySamples {
    entries = List.copyOf(entries);
  }

  /**
   * One usable alert. {@code starWithin1}/{@code starWithin5} are the PS1 labels (ZTF), {@code
   * pointLike} the extendedness label (Rubin); {@code magnr} is the magnitude plotted.
   */
  public record Entry(String objectId, long alertId, boolean heldOut, StarGalaxyFeatureSet.Vector vector,
      Optional<Boolean> starWithin1, Optional<Boolean> starWithin5, OptionalDouble magnr, Optional<Boolean> pointLike) {}

  /** Reads the ZTF alerts of every {@code .avro} file under {@code folder}. */
  public static StarGalaxySamples load(Path folder, StarGalaxyFeatureSet features, AlteredAlerts alteredAlerts,
      HoldoutSplit holdout, BiConsumer<Integer, Integer> progress) throws IOException {
    return load(List.of(folder), Survey.ZTF, features, alteredAlerts, holdout, progress);
  }

  /**
   * Reads the alerts of {@code survey} among every {@code .avro} file under the folders.
   *
   * @param progress told (files done, files total) after each file
   */
  public static StarGalaxySamples load(List<Path> folders, Survey survey, StarGalaxyFeatureSet features,
      AlteredAlerts alteredAlerts, HoldoutSplit holdout, BiConsumer<Integer, Integer> progress) throws IOException {
    AlertCodec codec = AlertCodec.withDefaults();
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      files.addAll(AlertFiles.list(folder));
    }
    ExtendednessLabel extendedness = ExtendednessLabel.half();
    int otherSurveys = 0;
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
        if (alert.survey() != survey) {
          otherSurveys++;
          continue;
        }
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
      boolean rubin = survey == Survey.RUBIN;
      entries.add(new Entry(alert.objectId(), alert.alertId(), holdout.isHeldOut(alert.objectId()), v.get(),
          within1.isStar(alert), within5.isStar(alert), rubin ? differenceMagnitude(alert) : alert.number("magnr"),
          rubin ? extendedness.isStar(alert) : Optional.empty()));
    }
    return new StarGalaxySamples(entries, files.size(), undecodable, altered, unmeasurable, otherSurveys);
  }

  /** AB magnitude of |psfFlux| (nJy) on the difference image; empty without a positive flux. */
  private static OptionalDouble differenceMagnitude(Alert alert) {
    OptionalDouble flux = alert.number("psfFlux");
    if (flux.isEmpty() || !(Math.abs(flux.getAsDouble()) > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(31.4 - 2.5 * Math.log10(Math.abs(flux.getAsDouble())));
  }

  /** The alert ids of the training entries (objects not held out), in file order. */
  public List<Long> trainingAlertIds() {
    return entries.stream().filter(e -> !e.heldOut()).map(Entry::alertId).toList();
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
