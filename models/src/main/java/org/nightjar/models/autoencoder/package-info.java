/**
 * The cutout autoencoder: network shape ({@link org.nightjar.models.autoencoder.AutoencoderArchitecture}),
 * the SameDiff graph, inference ({@link org.nightjar.models.autoencoder.CutoutAutoencoder}), the
 * masked reconstruction error, training, its bundle component, the {@code embed} scoring stage,
 * and the DL4J-versus-PyTorch throughput benchmark.
 */
package org.nightjar.models.autoencoder;
