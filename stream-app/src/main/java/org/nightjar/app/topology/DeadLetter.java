package org.nightjar.app.topology;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.nightjar.schemas.RejectReason;

/**
 * Why a message went to the dead-letter topic. Travels as headers beside the original bytes so
 * that the message can be inspected and replayed with any Kafka tool.
 */
public record DeadLetter(RejectReason reason, String stage, String errorClass, String message, SourceRef source) {
  public static final String REASON = "nightjar.error.reason";
  public static final String STAGE = "nightjar.error.stage";
  public static final String CLASS = "nightjar.error.class";
  public static final String MESSAGE = "nightjar.error.message";
  public static final String SOURCE_TOPIC = "nightjar.source.topic";
  public static final String SOURCE_PARTITION = "nightjar.source.partition";
  public static final String SOURCE_OFFSET = "nightjar.source.offset";
  public static final String SOURCE_TIMESTAMP = "nightjar.source.timestamp";
  /** Error messages can quote input; keep headers bounded. */
  private static final int MAX_MESSAGE_CHARS = 2_000;

  public DeadLetter {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(source, "source");
    message = message == null ? "" : message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) : message;
  }

  /** Adds the reason headers (replacing any previous ones). */
  public void writeTo(Headers headers) {
    set(headers, REASON, reason.code());
    set(headers, STAGE, stage);
    set(headers, CLASS, errorClass);
    set(headers, MESSAGE, message);
    set(headers, SOURCE_TOPIC, source.topic());
    set(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
    set(headers, SOURCE_OFFSET, Long.toString(source.offset()));
    set(headers, SOURCE_TIMESTAMP, Long.toString(source.timestamp()));
  }

  private static void set(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
