package org.nightjar.models.bundle;

/** A bundle file does not match the checksum or size its manifest records, or is missing. */
public class BundleIntegrityException extends BundleException {
  private static final long serialVersionUID = 1L;

  private final String file;

  public BundleIntegrityException(String file, String message) {
    super(message);
    this.file = file;
  }

  /** The offending file, relative to the bundle root. */
  public String file() {
    return file;
  }
}
