package org.nightjar.app.topology;

import java.util.Objects;

/** Where a message was first read, carried along so a dead letter names the original record. */
public record SourceRef(String topic, int partition, long offset, long timestamp) {
  public SourceRef {
    Objects.requireNonNull(topic, "topic");
  }
}
