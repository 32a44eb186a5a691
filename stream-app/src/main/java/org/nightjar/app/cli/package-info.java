/**
 * The picocli commands: run, demo, replay, score, bench, train, evaluate. Each verb is one class;
 * commands that need a configuration share {@link org.nightjar.app.cli.ConfigOptions}.
 */
package org.nightjar.app.cli;
