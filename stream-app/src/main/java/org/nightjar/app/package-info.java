/**
 * Wiring of a Nightjar instance: {@link org.nightjar.app.Main} (the command line),
 * {@link org.nightjar.app.Components} (codec, bundle, scorers and topology built once from the
 * configuration) and {@link org.nightjar.app.NightjarStreams} (the running Kafka Streams instance).
 */
package org.nightjar.app;
