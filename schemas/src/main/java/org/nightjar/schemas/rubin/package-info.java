/** The Rubin adapter of the survey-neutral {@link org.nightjar.schemas.Alert} view. */
package org.nightjar.schemas.rubin;
