package org.nightjar.models;

import java.util.List;
import java.util.Optional;

/**
 * The scorers of one instance, created once at startup, in the order they run. This is their one
 * owner: {@link ScoringPipeline}s borrow them, and closing this closes every scorer.
 *
 * <p>Thread-safe: the list is immutable and every scorer may be called from several stream threads.
 */
public final class ScoringStages implements AutoCloseable {

  private static final ScoringStages NONE = new ScoringStages(List.of());

  private final List<Scorer> scorers;

  public ScoringStages(List<Scorer> scorers) {
    this.scorers = List.copyOf(scorers);
  }

  /** No stage at all: decoding, stamp checks and routing only. */
  public static ScoringStages none() {
    return NONE;
  }

  public List<Scorer> scorers() {
    return scorers;
  }

  /** Stage names in the order they run, the stamp inspection first. */
  public List<String> names() {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    names.add(ScoringPipeline.CUTOUT_STAGE);
    scorers.forEach(s -> names.add(s.stage()));
    return List.copyOf(names);
  }

  /** The first scorer of the given class, e.g. to report the autoencoder's backend. */
  public <T extends Scorer> Optional<T> find(Class<T> type) {
    return scorers.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  @Override
  public void close() {
    scorers.forEach(Scorer::close);
  }
}
