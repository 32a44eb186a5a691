package org.nightjar.models.stargal;

import java.util.List;
import org.nightjar.models.Scorer;
import org.nightjar.models.StageFactory;
import org.nightjar.models.StageSettings;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;

/**
 * Stage {@value StarGalaxyScorer#STAGE}: the XD star/galaxy priors of the bundle, one per survey
 * that has a component ({@code stargal} for ZTF, which the stage needs; {@code stargal-rubin} for
 * Rubin, optional: without it Rubin alerts get no star/galaxy section).
 */
public final class StarGalaxyStage implements StageFactory {

  @Override
  public String stage() {
    return StarGalaxyScorer.STAGE;
  }

  @Override
  public List<String> requires() {
    return List.of();
  }

  @Override
  public List<String> components() {
    return List.of(StarGalaxyModelJson.COMPONENT);
  }

  @Override
  public Scorer create(ModelBundle bundle, StageSettings settings) throws BundleException {
    return new StarGalaxyScorer(StarGalaxyModelJson.loadAll(bundle));
  }
}
