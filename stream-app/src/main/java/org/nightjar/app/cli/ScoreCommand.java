package org.nightjar.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nightjar.app.Components;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.models.ScoringException;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.ScoringResult;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.RejectReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Offline scoring of packet files: one JSON line per alert on stdout, the {@code AlertScores}
 * record with its schema's field names; an unreadable message gives one JSON line with its file,
 * {@code error} (class) and {@code reason} (code), exactly as its dead letter would, and the
 * command goes on.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Score alert packets offline (files or folders): one JSON line per alert on stdout.",
        "A message that cannot be read gives a JSON line with file, error, reason, stage and message; the command carries on."})
public final class ScoreCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin ConfigOptions configOptions;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Alert packet files or folders of them.")
  List<Path> paths;

  @Override
  public Integer call() throws IOException, ScoringException {
    AppConfig config = configOptions.load(Map.of());
    PrintStream out = System.out;
    List<Path> files = AlertFiles.expand(paths);
    try (Components components = Components.from(config)) {
      ScoringPipeline pipeline = components.pipeline(ScoringMetrics.inMemory());
      List<Entry> batch = new ArrayList<>();
      int alerts = 0;
      for (Path file : files) {
        batch.add(decode(components, file));
        if (batch.get(batch.size() - 1).alert() != null && ++alerts >= config.batchMaxSize()) {
          flush(out, pipeline, batch);
          alerts = 0;
        }
      }
      flush(out, pipeline, batch);
    }
    out.flush();
    return 0;
  }

  /** One file of the input: its alert, or the JSON line saying why it has none. */
  private record Entry(Path file, Alert alert, Map<String, Object> error) {}

  private static Entry decode(Components components, Path file) {
    try {
      return new Entry(file, components.codec().decode(AlertFiles.read(file)), null);
    } catch (AlertDecodeException e) {
      return new Entry(file, null, error(file, e.getClass().getName(), e.reason(), "decode", e.getMessage()));
    } catch (IOException | RuntimeException e) {
      return new Entry(file, null, error(file, e.getClass().getName(), RejectReason.UNEXPECTED, "decode", e.getMessage()));
    }
  }

  /** Scores the batch's alerts and prints every entry in input order. */
  private static void flush(PrintStream out, ScoringPipeline pipeline, List<Entry> batch) throws IOException, ScoringException {
    List<Alert> alerts = batch.stream().map(Entry::alert).filter(a -> a != null).toList();
    List<ScoringResult> results = alerts.isEmpty() ? List.of() : pipeline.score(alerts);
    int next = 0;
    for (Entry e : batch) {
      if (e.alert() == null) {
        out.println(JSON.writeValueAsString(e.error()));
        continue;
      }
      ScoringResult r = results.get(next++);
      if (r instanceof ScoringResult.Scored s) {
        out.println(JSON.writeValueAsString(AvroJson.toPlain(s.scores())));
      } else if (r instanceof ScoringResult.Rejected rej) {
        var why = rej.rejection();
        out.println(JSON.writeValueAsString(error(e.file(), why.errorClass(), why.reason(), why.stage(), why.message())));
      }
    }
    batch.clear();
  }

  private static Map<String, Object> error(Path file, String errorClass, RejectReason reason, String stage, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file.toString());
    m.put("error", errorClass);
    m.put("reason", reason.code());
    m.put("stage", stage);
    m.put("message", message);
    return m;
  }
}
