/**
 * Test fixtures shared through the {@code schemas} test-jar: the curated {@link
 * org.nightjar.schemas.testing.SampleAlerts sample} of real alerts and {@link
 * org.nightjar.schemas.testing.BadAlerts broken messages} with their expected reject reasons.
 */
package org.nightjar.schemas.testing;
