package org.nightjar.models.stargal;

import java.util.List;
import org.nightjar.models.Scorer;
import org.nightjar.models.StageFactory;
import org.nightjar.models.StageSettings;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;

/** Stage {@value StarGalaxyScorer#STAGE}: the XD star/galaxy prior of the bundle. */
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
    return new StarGalaxyScorer(StarGalaxyModelJson.load(bundle));
  }
}
