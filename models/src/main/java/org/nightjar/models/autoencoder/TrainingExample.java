package org.nightjar.models.autoencoder;

import java.util.Objects;
import org.nightjar.models.preprocess.PreparedStack;

/**
 * One preprocessed alert for training; the object id drives the splits so that all alerts of one
 * object land on the same side. Immutable; thread-safe.
 */
public record TrainingExample(long alertId, String objectId, PreparedStack stack) {
  public TrainingExample {
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(stack, "stack");
  }
}
