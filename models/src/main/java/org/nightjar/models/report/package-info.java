/**
 * The {@code report}: one offline HTML page with PNG figures that shows what the bundle makes of a
 * set of alerts: a UMAP map of the search space, galleries of the most and least anomalous alerts
 * beside their nearest references, a gallery per cluster, and score distributions. Free of Kafka:
 * it scores through a {@link org.nightjar.models.ScoringPipeline} that the caller builds.
 */
package org.nightjar.models.report;
