package org.nightjar.app.topology;

import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;

/** Turns one message value into an alert; the stream's seam to the codec. Thread-safe. */
@FunctionalInterface
public interface AlertDecoder {
  Alert decode(byte[] message) throws AlertDecodeException;
}
