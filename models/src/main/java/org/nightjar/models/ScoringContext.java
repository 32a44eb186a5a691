package org.nightjar.models;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.RejectReason;
import org.nightjar.schemas.avro.AnomalyScore;
import org.nightjar.schemas.avro.ArtifactScore;
import org.nightjar.schemas.avro.StarGalaxyScore;
import org.nightjar.schemas.avro.Tag;

/**
 * What the scoring stages learn about one alert while its batch passes through them. Sections
 * that no stage fills stay empty and are left out of the output, never faked.
 *
 * <p>Not thread-safe: owned by the one stream thread that scores its batch.
 */
public final class ScoringContext {

  /**
   * Why one alert was dropped from scoring; it goes to the dead-letter topic.
   *
   * @param errorClass the exception class behind it, or this record's class when a stage
   *     decided without one
   */
  public record Rejection(RejectReason reason, String stage, String errorClass, String message) {
    public Rejection {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(errorClass, "errorClass");
      message = message == null ? "" : message;
    }
  }

  /**
   * The nearest references of the alert's survey that the anomaly stage found, nearest first: at
   * least as many as the anomaly score's k, kept for the stages after it.
   */
  public record Neighbourhood(long[] alertIds, float[] distances) {
    public Neighbourhood {
      if (alertIds.length != distances.length) {
        throw new IllegalArgumentException(alertIds.length + " ids for " + distances.length + " distances");
      }
    }
  }

  private final Alert alert;
  private float[] embedding;
  private double[] descriptors;
  private float[] searchVector;
  private Neighbourhood neighbourhood;
  private OptionalDouble reconstructionError = OptionalDouble.empty();
  private AnomalyScore anomaly;
  private ArtifactScore artifact;
  private StarGalaxyScore starGalaxy;
  private final EnumSet<Tag> tags = EnumSet.noneOf(Tag.class);
  private Rejection rejection;

  public ScoringContext(Alert alert) {
    this.alert = Objects.requireNonNull(alert, "alert");
  }

  public Alert alert() {
    return alert;
  }

  /** The latent vector, when an embedding stage ran and the alert had cutouts. */
  public Optional<float[]> embedding() {
    return Optional.ofNullable(embedding);
  }

  public void setEmbedding(float[] latent, double reconstructionMse) {
    setEmbedding(latent, reconstructionMse, new double[0]);
  }

  /**
   * @param stampDescriptors what the embedding stage measured beside the latent vector (see
   *     {@code StampDescriptors}), empty when it measured nothing
   */
  public void setEmbedding(float[] latent, double reconstructionMse, double[] stampDescriptors) {
    this.embedding = Objects.requireNonNull(latent, "latent");
    this.reconstructionError = OptionalDouble.of(reconstructionMse);
    this.descriptors = Objects.requireNonNull(stampDescriptors, "stampDescriptors");
  }

  /** The stamp descriptors measured with the embedding; empty when there is no embedding. */
  public double[] descriptors() {
    return descriptors == null ? new double[0] : descriptors.clone();
  }

  /** The vector the anomaly stage searched the reference set with, when it ran. */
  public Optional<float[]> searchVector() {
    return Optional.ofNullable(searchVector);
  }

  public void setSearchVector(float[] vector) {
    this.searchVector = Objects.requireNonNull(vector, "vector");
  }

  /** The nearest references the anomaly stage found, when it ran. */
  public Optional<Neighbourhood> neighbourhood() {
    return Optional.ofNullable(neighbourhood);
  }

  public void setNeighbourhood(Neighbourhood neighbourhood) {
    this.neighbourhood = Objects.requireNonNull(neighbourhood, "neighbourhood");
  }

  public OptionalDouble reconstructionError() {
    return reconstructionError;
  }

  public Optional<AnomalyScore> anomaly() {
    return Optional.ofNullable(anomaly);
  }

  public void setAnomaly(AnomalyScore anomaly) {
    this.anomaly = Objects.requireNonNull(anomaly, "anomaly");
  }

  public Optional<ArtifactScore> artifact() {
    return Optional.ofNullable(artifact);
  }

  public void setArtifact(ArtifactScore artifact) {
    this.artifact = Objects.requireNonNull(artifact, "artifact");
  }

  public Optional<StarGalaxyScore> starGalaxy() {
    return Optional.ofNullable(starGalaxy);
  }

  public void setStarGalaxy(StarGalaxyScore starGalaxy) {
    this.starGalaxy = Objects.requireNonNull(starGalaxy, "starGalaxy");
  }

  public Set<Tag> tags() {
    return EnumSet.copyOf(tags);
  }

  public void tag(Tag tag) {
    tags.add(Objects.requireNonNull(tag, "tag"));
  }

  /** Takes this alert out of the batch: later stages skip it and it is dead-lettered. */
  public void reject(RejectReason reason, String stage, String message) {
    reject(reason, stage, Rejection.class.getName(), message);
  }

  /** As {@link #reject(RejectReason, String, String)}, naming the exception class behind it. */
  public void reject(RejectReason reason, String stage, String errorClass, String message) {
    if (rejection == null) {
      rejection = new Rejection(reason, stage, errorClass, message);
    }
  }

  public Optional<Rejection> rejection() {
    return Optional.ofNullable(rejection);
  }

  public boolean isRejected() {
    return rejection != null;
  }
}
