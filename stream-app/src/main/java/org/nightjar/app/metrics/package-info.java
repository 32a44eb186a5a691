/**
 * Micrometer meters of the stream (Prometheus names nightjar_*), the JVM and Kafka Streams
 * binders, and the HTTP endpoint serving /metrics, /health and /ready.
 */
package org.nightjar.app.metrics;
