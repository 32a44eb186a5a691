/**
 * Star/galaxy classification of ZTF alerts' static counterparts with an Extreme Deconvolution
 * prior: morphology features with per-alert noise (template aperture concentration, reference
 * catalogue sharpness and chi), unsupervised training with star components pinned at the
 * point-source locus, the {@code xd} scoring stage, and held-out evaluation against PS1 labels.
 * Uses {@code org.nightjar.models.xd} for the mixture; knows nothing of Kafka.
 */
package org.nightjar.models.stargal;
