/** The ZTF adapter of the survey-neutral {@link org.nightjar.schemas.Alert} view. */
package org.nightjar.schemas.ztf;
