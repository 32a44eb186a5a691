/**
 * Input and output formats of Nightjar: the {@link org.nightjar.schemas.AlertCodec} that reads
 * every framing of alert message we meet, the survey-neutral {@link org.nightjar.schemas.Alert}
 * view, {@link org.nightjar.schemas.Cutout} stamps, and the reasons a message is rejected.
 * Everything here is immutable or thread-safe.
 */
package org.nightjar.schemas;
