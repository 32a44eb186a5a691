package org.nightjar.models.index;

import java.util.Locale;

/** The two ways of searching the latent space, as a configuration or command line names them. */
public enum IndexKind {
  /** {@link ExactLatentIndex}: every row compared, exact answers. */
  EXACT,
  /** {@link ApproximateLatentIndex}: a graph search, exact distances for the rows it finds. */
  APPROXIMATE;

  /** {@code exact} or {@code approximate}, in any case, surrounding blanks ignored. */
  public static IndexKind parse(String name) {
    if (name != null) {
      String n = name.strip().toLowerCase(Locale.ROOT);
      for (IndexKind kind : values()) {
        if (kind.label().equals(n)) {
          return kind;
        }
      }
    }
    throw new IllegalArgumentException("unknown index kind '" + name + "': expected exact or approximate");
  }

  /** The name {@link #parse} accepts. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** An index of this kind over copies of {@code vectors}, with default settings (deterministic). */
  public LatentIndex build(float[][] vectors) {
    return switch (this) {
      case EXACT -> ExactLatentIndex.build(vectors);
      case APPROXIMATE -> ApproximateLatentIndex.build(vectors);
    };
  }
}
