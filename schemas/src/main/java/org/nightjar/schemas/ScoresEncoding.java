package org.nightjar.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.nightjar.schemas.avro.AlertScores;

/**
 * {@link AlertScores} on the wire: Avro's single-object encoding (marker {@code C3 01}, the
 * 8-byte schema fingerprint, then the binary body), so any consumer holding the schema can check
 * what it reads without a registry.
 */
public final class ScoresEncoding {
  static {
    // Avro 1.12 only instantiates generated classes from trusted packages; ours is one.
    ClassSecurityPredicate ours = c -> c.getName().startsWith("org.nightjar.schemas.avro.");
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), ours));
  }

  private ScoresEncoding() {}

  public static byte[] encode(AlertScores scores) {
    try {
      ByteBuffer b = AlertScores.getEncoder().encode(scores);
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode AlertScores", e);
    }
  }

  /**
   * @throws IOException when the bytes are not AlertScores in single-object encoding
   */
  public static AlertScores decode(byte[] bytes) throws IOException {
    return AlertScores.getDecoder().decode(bytes);
  }
}
