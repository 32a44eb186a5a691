package org.nightjar.app.config;

/** A configuration value is missing, unknown or out of range; startup stops with this message. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String key, String value, String allowed) {
    super("configuration key '" + key + "' has value '" + value + "'; allowed: " + allowed);
  }
}
