package org.nightjar.models.bundle;

/** A model bundle cannot be read or written, or is not what the caller needs. */
public class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
