package org.nightjar.schemas;

/** The alert streams Nightjar understands. */
public enum Survey {
  ZTF,
  RUBIN
}
