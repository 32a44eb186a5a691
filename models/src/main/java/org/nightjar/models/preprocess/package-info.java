/**
 * Cutouts to network input: the three stamps of an alert become one fixed-size, robustly scaled,
 * multi-channel float stack with a mask of the pixels that were real. Pure functions, no ND4J.
 */
package org.nightjar.models.preprocess;
