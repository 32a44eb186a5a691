package org.nightjar.models;

/** A scoring stage failed as a whole (not because of one alert's data). */
public class ScoringException extends Exception {
  private static final long serialVersionUID = 1L;

  public ScoringException(String message) {
    super(message);
  }

  public ScoringException(String message, Throwable cause) {
    super(message, cause);
  }
}
