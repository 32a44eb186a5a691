package org.nightjar.models.xd;

import java.io.IOException;

/** A stored XD prior is malformed: missing keys, wrong shapes, or values a mixture cannot have. */
public final class XdPriorFormatException extends IOException {

  public XdPriorFormatException(String message) {
    super(message);
  }

  public XdPriorFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
