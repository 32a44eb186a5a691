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
    Components components = Components.from(config);
    PrintStream out = System.out;
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      files.addAll(AlertFiles.list(p));
    }
    try (ScoringPipeline pipeline = components.pipeline(ScoringMetrics.inMemory())) {
      List<Alert> batch = new ArrayList<>();
      List<Path> batchFiles = new ArrayList<>();
      for (Path file : files) {
        try {
          batch.add(components.codec().decode(AlertFiles.read(file)));
          batchFiles.add(file);
        } catch (AlertDecodeException e) {
          error(out, file, e.getClass().getName(), e.reason(), "decode", e.getMessage());
        } catch (IOException | RuntimeException e) {
          error(out, file, e.getClass().getName(), RejectReason.UNEXPECTED, "decode", e.getMessage());
        }
        if (batch.size() >= config.batchMaxSize()) {
          flush(out, pipeline, batch, batchFiles);
        }
      }
      flush(out, pipeline, batch, batchFiles);
    }
    out.flush();
    return 0;
  }

  private static void flush(PrintStream out, ScoringPipeline pipeline, List<Alert> batch, List<Path> files)
      throws IOException, ScoringException {
    if (batch.isEmpty()) {
      return;
    }
    List<ScoringResult> results = pipeline.score(batch);
    for (int i = 0; i < results.size(); i++) {
      ScoringResult r = results.get(i);
      if (r instanceof ScoringResult.Scored s) {
        out.println(JSON.writeValueAsString(AvroJson.toPlain(s.scores())));
      } else if (r instanceof ScoringResult.Rejected rej) {
        var why = rej.rejection();
        error(out, files.get(i), "org.nightjar.models.ScoringContext.Rejection", why.reason(), why.stage(), why.message());
      }
    }
    batch.clear();
    files.clear();
  }

  private static void error(PrintStream out, Path file, String errorClass, RejectReason reason, String stage, String message)
      throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file.toString());
    m.put("error", errorClass);
    m.put("reason", reason.code());
    m.put("stage", stage);
    m.put("message", message);
    out.println(JSON.writeValueAsString(m));
  }
}
