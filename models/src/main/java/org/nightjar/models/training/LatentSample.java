package org.nightjar.models.training;

import java.util.Optional;
import org.nightjar.schemas.Survey;

/**
 * One real alert seen through a bundle's autoencoder: its embedding and reconstruction error, the
 * survey's real/bogus weak label where the packet has one, and whether its object is held out.
 *
 * @param descriptors the stamp descriptors the embedding stage measured beside the latent vector
 * @param differenceStatistics the artifact stage's statistics of the whole stamps
 * @param artifact true when the survey's own real/bogus score calls it bogus; empty without a score
 * @param bogusness 1 minus the survey's real/bogus score, NaN without one
 */
public record LatentSample(
    Survey survey, long alertId, String objectId, float[] vector, double[] descriptors,
    double[] differenceStatistics, double reconstructionError,
    Optional<Boolean> artifact, double bogusness, boolean heldOut) {}
