package org.nightjar.app.topology;

import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;

/** Turns one message value into an alert; the stream's seam to the codec. Thread-safe. */
@FunctionalInterface
public interface AlertDecoder {
  Alert decode(byte[] message) throws AlertDecodeException;

  /**
   * The alert id of one message, for keying it before it is scored; a decoder that can read it
   * without decoding the whole packet does so.
   */
  default long alertId(byte[] message) throws AlertDecodeException {
    return decode(message).alertId();
  }

  /** The codec's decoder, with its shortcut to the alert id. */
  static AlertDecoder of(AlertCodec codec) {
    return new AlertDecoder() {
      @Override
      public Alert decode(byte[] message) throws AlertDecodeException {
        return codec.decode(message);
      }

      @Override
      public long alertId(byte[] message) throws AlertDecodeException {
        return codec.alertId(message);
      }
    };
  }
}
