package org.nightjar.models;

import java.util.List;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;

/**
 * How one scoring stage comes to be: its name in the {@code scorers} setting, the stages that must
 * run before it (it reads what they leave in each {@link ScoringContext}), the bundle components
 * it reads, and its construction. Each scorer package has one; {@link StageCatalog} lists them.
 */
public interface StageFactory {

  /** The stage name, lower case, as in the {@code scorers} setting and in metric labels. */
  String stage();

  /** Stages that must come earlier in the configured order. */
  List<String> requires();

  /** Bundle components the stage needs; a bundle lacking one cannot run it. */
  List<String> components();

  /**
   * Builds the stage's scorer from a verified bundle that has every component of {@link
   * #components()}.
   *
   * @throws StageSettings.InvalidSettingException when one of its settings is out of range
   */
  Scorer create(ModelBundle bundle, StageSettings settings) throws BundleException;
}
