package org.nightjar.models.training;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nightjar.models.autoencoder.AutoencoderModel;
import org.nightjar.models.bundle.BundleManifest;
import org.nightjar.models.stargal.HoldoutSplit;
import org.nightjar.schemas.Alert;

/**
 * Which alerts a bundle's latent components (reference set, clusters, calibrations) must never
 * learn from, so that evaluations on them are honest: every object of the bundle's hold-out rule
 * (one in five by a hash of the object id, as the star/galaxy prior uses), and every alert the
 * autoencoder's manifest lists as held out (an autoencoder trained with another split).
 *
 * <p>Immutable; thread-safe.
 */
public final class BundleHoldout {

  private final HoldoutSplit rule;
  private final Set<Long> autoencoderHeldOut;

  public BundleHoldout(HoldoutSplit rule, Set<Long> autoencoderHeldOut) {
    this.rule = rule;
    this.autoencoderHeldOut = Set.copyOf(autoencoderHeldOut);
  }

  /** The rule of every Nightjar bundle, plus the autoencoder's own held-out alerts. */
  @SuppressWarnings("unchecked")
  public static BundleHoldout of(BundleManifest manifest) {
    Set<Long> ids = new HashSet<>();
    Object section = manifest.trainingData().get(AutoencoderModel.COMPONENT);
    if (section instanceof Map<?, ?> m && m.get("heldOutAlertIds") instanceof List<?> list) {
      for (Object o : list) {
        ids.add(Long.parseLong(o.toString()));
      }
    }
    return new BundleHoldout(HoldoutSplit.oneInFive(), ids);
  }

  public boolean isHeldOut(Alert alert) {
    return isHeldOut(alert.alertId(), alert.objectId());
  }

  public boolean isHeldOut(long alertId, String objectId) {
    return rule.isHeldOut(objectId) || autoencoderHeldOut.contains(alertId);
  }

  public String describe() {
    return rule.rule() + (autoencoderHeldOut.isEmpty() ? ""
        : "; also the " + autoencoderHeldOut.size() + " alerts the autoencoder held out");
  }
}
