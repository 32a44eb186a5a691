/**
 * FITS image stamps: bounded gzip inflation, header sanity checks before any allocation, and
 * conversion of the pixels to floats. All classes are thread-safe.
 */
package org.nightjar.schemas.fits;
