package org.nightjar.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertFilesTest {

  @Test
  void shouldListAvroFilesRecursivelyInSortedOrder(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("b/c"));
    Files.createDirectories(tmp.resolve("a"));
    Files.write(tmp.resolve("b/c/2.avro"), new byte[] {2});
    Files.write(tmp.resolve("b/1.avro"), new byte[] {1});
    Files.write(tmp.resolve("a/9.avro"), new byte[] {9});
    Files.write(tmp.resolve("a/README.md"), new byte[] {0});
    List<Path> files = AlertFiles.list(tmp);
    assertEquals(List.of(tmp.resolve("a/9.avro"), tmp.resolve("b/1.avro"), tmp.resolve("b/c/2.avro")), files);
    assertArrayEquals(new byte[] {2}, AlertFiles.read(files.get(2)));
  }

  @Test
  void shouldRefuseAFolderThatIsNotThere(@TempDir Path tmp) {
    assertThrows(IOException.class, () -> AlertFiles.list(tmp.resolve("absent")));
  }

  @Test
  void shouldExpandFilesAndFoldersInTheOrderGiven(@TempDir Path tmp) throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("night"));
    Files.write(folder.resolve("b.avro"), new byte[] {2});
    Files.write(folder.resolve("a.avro"), new byte[] {1});
    Path single = Files.write(tmp.resolve("packet.bin"), new byte[] {3});
    assertEquals(List.of(single, folder.resolve("a.avro"), folder.resolve("b.avro")), AlertFiles.expand(List.of(single, folder)));
    assertThrows(IOException.class, () -> AlertFiles.expand(List.of(tmp.resolve("missing"))));
  }
}
