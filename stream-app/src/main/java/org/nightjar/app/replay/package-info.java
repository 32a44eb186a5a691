/**
 * Sending alert packet files to a topic exactly as a survey broker would, and reading back what
 * an instance wrote (counts, reasons, tags, latency) for the demo, the benchmark and the tests.
 */
package org.nightjar.app.replay;
