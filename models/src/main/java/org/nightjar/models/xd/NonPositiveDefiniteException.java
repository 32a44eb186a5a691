package org.nightjar.models.xd;

/**
 * Thrown when a matrix that must be positive definite (a component covariance, a noise covariance
 * or their sum) is not, so its Cholesky factorisation fails. The message names the point and the
 * component involved.
 */
public final class NonPositiveDefiniteException extends ArithmeticException {

  NonPositiveDefiniteException(String message) {
    super(message);
  }
}
