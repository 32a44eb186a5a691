package org.nightjar.models.xd;

import java.util.Objects;

/**
 * One dimension of an XD prior's feature space: a short name (e.g. {@code r_psf}) and how it is
 * computed from measurements, so that the prior is only ever applied to the features it was fitted on.
 */
public record PriorFeature(String name, String definition) {

  public PriorFeature {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    if (name.isBlank()) {
      throw new IllegalArgumentException("feature name must not be blank");
    }
  }
}
