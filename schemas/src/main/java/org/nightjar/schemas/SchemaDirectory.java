package org.nightjar.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.nightjar.schemas.avro.Fields;

/**
 * Alert schemas by Confluent schema id, read from {@code <major>.<minor>/*.avsc} folders (id =
 * major*100 + minor, Rubin's convention): the Rubin schemas 7.0 to 11.0 shipped on the classpath,
 * then an optional directory that adds or replaces versions. Files of one version may reference
 * each other by name; they are parsed with one parser in dependency order, and the version's
 * message schema is the one named {@code alert} (else the last parsed). Immutable once loaded.
 */
final class SchemaDirectory {
  static final String CLASSPATH_ROOT = "org/nightjar/schemas/rubin/";
  private static final Pattern VERSION_DIR = Pattern.compile("(\\d{1,5})\\.(\\d{1,2})");

  /** One registered schema. */
  record Entry(int id, String version, Schema schema, Set<String> fieldNames) {}

  private final Map<Integer, Entry> byId;

  private SchemaDirectory(Map<Integer, Entry> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /**
   * Loads the classpath schemas, then {@code extra} when given.
   *
   * @throws IllegalArgumentException when a schema file cannot be read or parsed
   */
  static SchemaDirectory load(Optional<Path> extra) {
    Map<Integer, Entry> entries = new TreeMap<>();
    for (Map.Entry<String, List<Source>> version : classpathSources().entrySet()) {
      add(entries, version.getKey(), version.getValue());
    }
    if (extra.isPresent()) {
      for (Map.Entry<String, List<Source>> version : directorySources(extra.get()).entrySet()) {
        add(entries, version.getKey(), version.getValue());
      }
    }
    return new SchemaDirectory(entries);
  }

  Optional<Entry> byId(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  Set<Integer> ids() {
    return byId.keySet();
  }

  /** "M.m" of schema id M*100 + m. */
  static String versionOfId(int id) {
    return (id / 100) + "." + (id % 100);
  }

  /**
   * The registered version whose alert and diaSource field names are closest (Jaccard) to those
   * of {@code writer}; ties go to the newest. Empty when nothing is registered.
   */
  Optional<String> closestVersion(Schema writer) {
    Set<String> names = fieldNames(writer);
    double best = -1;
    String version = null;
    for (Entry e : byId.values()) {
      Set<String> union = new HashSet<>(names);
      union.addAll(e.fieldNames());
      Set<String> common = new HashSet<>(names);
      common.retainAll(e.fieldNames());
      double score = union.isEmpty() ? 0 : (double) common.size() / union.size();
      if (score >= best) {
        best = score;
        version = e.version();
      }
    }
    return Optional.ofNullable(version);
  }

  private static Set<String> fieldNames(Schema schema) {
    Set<String> names = new HashSet<>();
    if (schema.getType() != Schema.Type.RECORD) {
      return names;
    }
    for (Schema.Field f : schema.getFields()) {
      names.add(f.name());
    }
    Schema dia = Fields.recordType(schema, "diaSource");
    if (dia != null) {
      for (Schema.Field f : dia.getFields()) {
        names.add("diaSource." + f.name());
      }
    }
    return names;
  }

  private static void add(Map<Integer, Entry> entries, String version, List<Source> sources) {
    Matcher m = VERSION_DIR.matcher(version);
    if (!m.matches()) {
      return;
    }
    int id = Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
    Schema schema = parseGroup(version, sources);
    entries.put(id, new Entry(id, versionOfId(id), schema, fieldNames(schema)));
  }

  /** Parses files that reference each other, retrying failed ones after the others. */
  static Schema parseGroup(String label, List<Source> sources) {
    List<Source> order = new ArrayList<>(sources);
    order.sort((a, b) -> Boolean.compare(isAlert(a), isAlert(b)));
    while (true) {
      Schema.Parser parser = new Schema.Parser();
      List<Source> parsed = new ArrayList<>();
      List<Source> failed = new ArrayList<>();
      Map<Source, Schema> schemas = new LinkedHashMap<>();
      SchemaParseException lastError = null;
      for (Source s : order) {
        try {
          schemas.put(s, parser.parse(s.text()));
          parsed.add(s);
        } catch (SchemaParseException e) {
          failed.add(s);
          lastError = e;
        }
      }
      if (failed.isEmpty()) {
        Schema last = null;
        for (Schema s : schemas.values()) {
          if (s.getName().equals("alert")) {
            return s;
          }
          last = s;
        }
        if (last == null) {
          throw new IllegalArgumentException("schema version " + label + " has no .avsc file");
        }
        return last;
      }
      if (parsed.isEmpty() || order.subList(0, parsed.size()).equals(parsed)) {
        // no progress: the failures do not come from ordering
        throw new IllegalArgumentException(
            "cannot parse schema version " + label + ": " + failed.get(0).name() + ": " + lastError.getMessage(), lastError);
      }
      order = new ArrayList<>(parsed);
      order.addAll(failed);
    }
  }

  private static boolean isAlert(Source s) {
    return s.name().endsWith("alert.avsc");
  }

  /** One schema file: its name and text. */
  record Source(String name, String text) {}

  private static Map<String, List<Source>> classpathSources() {
    ClassLoader loader = SchemaDirectory.class.getClassLoader();
    Map<String, List<Source>> versions = new TreeMap<>();
    try (InputStream index = loader.getResourceAsStream(CLASSPATH_ROOT + "index.txt")) {
      if (index == null) {
        throw new IllegalStateException("missing classpath resource " + CLASSPATH_ROOT + "index.txt");
      }
      for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String path = line.trim();
        if (path.isEmpty() || path.startsWith("#")) {
          continue;
        }
        int slash = path.indexOf('/');
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_ROOT + path)) {
          if (in == null) {
            throw new IllegalStateException("missing classpath resource " + CLASSPATH_ROOT + path);
          }
          versions.computeIfAbsent(path.substring(0, slash), k -> new ArrayList<>())
              .add(new Source(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped schemas", e);
    }
    return versions;
  }

  private static Map<String, List<Source>> directorySources(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("schemaDirectory " + root + " is not a directory");
    }
    Map<String, List<Source>> versions = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String version = dir.getFileName().toString();
        if (!VERSION_DIR.matcher(version).matches()) {
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          List<Source> sources = new ArrayList<>();
          for (Path f : files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList()) {
            sources.add(new Source(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
          }
          if (!sources.isEmpty()) {
            versions.put(version, sources);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read schemaDirectory " + root + ": " + e.getMessage(), e);
    }
    return versions;
  }
}
