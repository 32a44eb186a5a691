package org.nightjar.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CodecSettingsTest {

  @Test
  void shouldDefaultToClasspathSchemasAndOneMebibyte() {
    CodecSettings s = CodecSettings.defaults();
    assertTrue(s.schemaDirectory().isEmpty());
    assertTrue(s.registryUrl().isEmpty());
    assertTrue(s.rawWriterSchema().isEmpty());
    assertEquals(1 << 20, s.maxInflatedCutoutBytes());
    assertEquals(512, s.maxCutoutSide());
    assertEquals(16, s.minCutoutSide());
  }

  @Test
  void shouldRejectImpossibleValuesNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CodecSettings.defaults().withMaxInflatedCutoutBytes(10));
    assertTrue(e.getMessage().contains("maxInflatedCutoutBytes"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CodecSettings.defaults().withCutoutSides(0, 64));
    assertThrows(IllegalArgumentException.class, () -> CodecSettings.defaults().withCutoutSides(64, 32));
    assertThrows(IllegalArgumentException.class, () -> CodecSettings.defaults().withRegistryUrl(URI.create("ftp://x")));
    assertThrows(IllegalArgumentException.class,
        () -> CodecSettings.defaults().withRawWriterSchema(Schema.create(Schema.Type.STRING)));
    assertThrows(NullPointerException.class, () -> new CodecSettings(null, null, null, 1 << 20, 512, 16));
  }
}
