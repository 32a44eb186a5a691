/**
 * The in-JVM single-node KRaft Kafka broker used by the demo, the benchmark and the integration
 * tests, built from Kafka's own test kit.
 */
package org.nightjar.app.broker;
