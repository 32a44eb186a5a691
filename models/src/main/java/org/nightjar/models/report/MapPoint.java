package org.nightjar.models.report;

import java.util.Optional;
import java.util.OptionalDouble;
import org.nightjar.schemas.Survey;

/**
 * One point of the latent map: a reference alert of the bundle or one of the report's alerts,
 * with what the map can be coloured by. A reference has no percentile, real/bogus score or P(star)
 * here: the bundle keeps only its vector and ids.
 */
public record MapPoint(double x, double y, boolean reference, Survey survey, long alertId, Optional<Integer> cluster,
    OptionalDouble percentile, OptionalDouble realBogus, OptionalDouble pStar, boolean taggedAnomaly) {}
