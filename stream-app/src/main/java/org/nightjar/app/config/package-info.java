/**
 * Configuration: defaults, an optional properties file and NIGHTJAR_* environment variables,
 * parsed once into the immutable {@link org.nightjar.app.config.AppConfig}; kafka.* keys pass
 * straight to the Kafka clients through {@link org.nightjar.app.config.KafkaProperties}.
 */
package org.nightjar.app.config;
