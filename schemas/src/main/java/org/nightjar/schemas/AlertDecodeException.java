package org.nightjar.schemas;

import java.util.Objects;

/** A message or one of its cutouts cannot be read; carries the machine-readable reason. */
public class AlertDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final RejectReason reason;

  public AlertDecodeException(RejectReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public AlertDecodeException(RejectReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectReason reason() {
    return reason;
  }
}
