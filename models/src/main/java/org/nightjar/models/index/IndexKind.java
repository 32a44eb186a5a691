package org.nightjar.models.index;

import java.util.Locale;

/** The ways of searching the latent space, as a configuration or command line names them. */
public enum IndexKind {
  /** {@link ExactLatentIndex}: every row compared, exact answers. */
  EXACT,
  /** {@link ApproximateLatentIndex}: a graph search, exact distances for the rows it finds. */
  APPROXIMATE,
  /** {@link ClusteredLatentIndex}: an inverted file over k-means lists, exact distances for the rows it scans. */
  CLUSTERED;

  /** {@code exact}, {@code approximate} or {@code clustered}, in any case, surrounding blanks ignored. */
  public static IndexKind parse(String name) {
    if (name != null) {
      String n = name.strip().toLowerCase(Locale.ROOT);
      for (IndexKind kind : values()) {
        if (kind.label().equals(n)) {
          return kind;
        }
      }
    }
    throw new IllegalArgumentException("unknown index kind '" + name + "': expected exact, approximate or clustered");
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
      case CLUSTERED -> ClusteredLatentIndex.build(vectors);
    };
  }

  /**
   * As {@link #build(float[][])}, with an inverted file scanning {@code probes} lists per query
   * (0 = its default for the size); the other kinds have no probes and ignore it.
   */
  public LatentIndex build(float[][] vectors, int probes) {
    if (this != CLUSTERED || probes == 0) {
      return build(vectors);
    }
    return ClusteredLatentIndex.build(vectors, ClusteredIndexOptions.forSize(vectors.length).withProbes(probes));
  }
}
