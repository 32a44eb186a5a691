package org.nightjar.schemas;

/** The three image stamps an alert packet carries. */
public enum CutoutKind {
  SCIENCE,
  TEMPLATE,
  DIFFERENCE
}
