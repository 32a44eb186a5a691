/** Logging policy: which library lines stay off the console, and why. */
package org.nightjar.app.logging;
