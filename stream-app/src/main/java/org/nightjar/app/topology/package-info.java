/**
 * The Kafka Streams topology: decode, re-key by alert id, dedupe, micro-batch, score and route to
 * the scored, tag and dead-letter topics. Processors are single-threaded per task, as Kafka
 * Streams runs them; state lives in changelogged stores so that exactly-once holds across restarts.
 */
package org.nightjar.app.topology;
