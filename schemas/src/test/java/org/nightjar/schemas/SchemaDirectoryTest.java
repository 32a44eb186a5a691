package org.nightjar.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightjar.schemas.testing.SampleAlerts;

class SchemaDirectoryTest {

  @Test
  void shouldShipRubinSchemas7To11() {
    SchemaDirectory dir = SchemaDirectory.load(Optional.empty());
    assertEquals(Set.of(700, 701, 702, 703, 704, 800, 900, 1000, 1100), dir.ids());
    assertEquals("lsst.v7_4.alert", dir.byId(704).orElseThrow().schema().getFullName());
    assertEquals("lsst.v11_0.alert", dir.byId(1100).orElseThrow().schema().getFullName());
    assertEquals("10.0", dir.byId(1000).orElseThrow().version());
  }

  @Test
  void shouldRecogniseTheVersionOfAnOfficialSchemaByItsFields() {
    SchemaDirectory dir = SchemaDirectory.load(Optional.empty());
    // 7.0 and 7.1 (and 10.0 and 11.0) have the same fields; a tie goes to the newer version
    for (int id : new int[] {701, 702, 703, 704, 800, 900, 1100}) {
      assertEquals(SchemaDirectory.versionOfId(id), dir.closestVersion(dir.byId(id).orElseThrow().schema()).orElseThrow());
    }
  }

  @Test
  void shouldAddVersionsFromAnExtraDirectoryInDependencyOrder(@TempDir Path tmp) throws Exception {
    Path v = Files.createDirectories(tmp.resolve("42.7"));
    for (String name : new String[] {"alert", "diaForcedSource", "diaObject", "diaSource", "ssSource", "MPCORB"}) {
      String file = "lsst.v9_0." + name + ".avsc";
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(SchemaDirectory.CLASSPATH_ROOT + "9.0/" + file)) {
        // a name that sorts the alert first: the parser must retry it after its dependencies
        Files.write(v.resolve("a" + name.length() + file), in.readAllBytes());
      }
    }
    AlertCodec codec = new AlertCodec(CodecSettings.defaults().withSchemaDirectory(tmp));
    byte[] m = SampleAlerts.read("rubin-confluent/7912941781254298.avro");
    ByteBuffer.wrap(m, 1, 4).putInt(4207);
    assertEquals("42.7", codec.decode(m).schemaVersion());
  }

  @Test
  void shouldFailFastOnAnUnparsableSchemaFile(@TempDir Path tmp) throws Exception {
    Path v = Files.createDirectories(tmp.resolve("12.0"));
    Files.writeString(v.resolve("broken.avsc"), "{\"type\": \"record\", \"name\": ", StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AlertCodec(CodecSettings.defaults().withSchemaDirectory(tmp)));
    assertTrue(e.getMessage().contains("12.0"), e.getMessage());
  }

  @Test
  void shouldRefuseAMissingDirectory(@TempDir Path tmp) {
    assertThrows(IllegalArgumentException.class,
        () -> new AlertCodec(CodecSettings.defaults().withSchemaDirectory(tmp.resolve("absent"))));
  }
}
