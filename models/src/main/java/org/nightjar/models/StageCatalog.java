package org.nightjar.models;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nightjar.models.anomaly.AnomalyStage;
import org.nightjar.models.artifact.ArtifactStage;
import org.nightjar.models.autoencoder.EmbedStage;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.stargal.StarGalaxyStage;

/**
 * The one list of scoring stages Nightjar knows, in their natural order. Configuration checks,
 * the startup of every command and the stage names in metrics all read it, so a new stage is
 * added here and nowhere else.
 */
public final class StageCatalog {

  /** Every stage, in the order that satisfies each one's {@link StageFactory#requires()}. */
  public static final List<StageFactory> ALL = List.of(
      new EmbedStage(), new AnomalyStage(), new ArtifactStage(), new StarGalaxyStage());

  private StageCatalog() {}

  /** Stage names in their natural order. */
  public static List<String> names() {
    return ALL.stream().map(StageFactory::stage).toList();
  }

  public static Optional<StageFactory> named(String stage) {
    return ALL.stream().filter(f -> f.stage().equals(stage)).findFirst();
  }

  /**
   * Problems with a list of stage names, before any bundle is read: an unknown name, a repeat, or
   * a stage configured before one it requires. Empty when the list is valid.
   */
  public static Optional<String> problem(List<String> stages) {
    Set<String> seen = new HashSet<>();
    for (String stage : stages) {
      Optional<StageFactory> f = named(stage);
      if (f.isEmpty()) {
        return Optional.of("unknown stage '" + stage + "' (known: " + String.join(",", names()) + ")");
      }
      if (!seen.add(stage)) {
        return Optional.of("stage '" + stage + "' is listed twice");
      }
      for (String needed : f.get().requires()) {
        if (!seen.contains(needed)) {
          return Optional.of("stage '" + stage + "' needs '" + needed + "' before it");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Creates the configured stages from a verified bundle, in the configured order.
   *
   * @throws IllegalArgumentException when {@link #problem(List)} finds one
   * @throws MissingComponentException when the bundle lacks a component a stage needs
   */
  public static ScoringStages create(List<String> stages, ModelBundle bundle, StageSettings settings)
      throws BundleException {
    problem(stages).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    List<Scorer> scorers = new ArrayList<>();
    try {
      for (String stage : stages) {
        StageFactory f = named(stage).orElseThrow();
        for (String component : f.components()) {
          if (!bundle.hasComponent(component)) {
            throw new MissingComponentException(bundle, component, stage);
          }
        }
        scorers.add(f.create(bundle, settings));
      }
    } catch (BundleException | RuntimeException e) {
      scorers.forEach(Scorer::close);
      throw e;
    }
    return new ScoringStages(scorers);
  }

  /** A configured stage needs a component the bundle does not have. */
  public static final class MissingComponentException extends BundleException {
    private static final long serialVersionUID = 1L;

    MissingComponentException(ModelBundle bundle, String component, String stage) {
      super("bundle " + bundle + " has no '" + component + "' component for stage '" + stage
          + "': train it (nightjar train ...) or remove '" + stage + "' from the scorers key");
    }
  }
}
