package org.nightjar.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.ScoringStages;
import org.nightjar.models.StageCatalog;
import org.nightjar.models.StageListener;
import org.nightjar.models.StageSettings;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.fuzz.FuzzRun;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Damaged copies of real packets through the codec and every scoring stage; prints what became of them. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
    description = {"Feed damaged copies of real alert packets (bit flips, truncations, inserted, zeroed and repeated",
        "spans, damaged gzip members in the stamps) through the codec and every scoring stage of the bundle.",
        "Each input must end as a score or a dead letter with a reason; an escaping exception is a finding,",
        "printed with what reproduces it. Exits 1 when there is a finding."})
public final class FuzzCommand implements Callable<Integer> {
  @Option(names = "--inputs", defaultValue = "100000", description = "Damaged inputs (default: ${DEFAULT-VALUE}).")
  long inputs;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the run (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--alerts", paramLabel = "DIR", description = "Packets to damage (default: the bundled alert sample).")
  Path alerts;

  @Option(names = "--bundle", paramLabel = "BUNDLE_DIR", description = "Model bundle (default: the shipped one).")
  Path bundle;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<byte[]> packets = new ArrayList<>();
    for (Path p : AlertFiles.expand(List.of(SampleAlerts.resolve(alerts, spec.commandLine())))) {
      packets.add(Files.readAllBytes(p));
    }
    ModelBundle b = bundle == null ? ModelBundle.defaultBundle() : ModelBundle.open(bundle);
    long started = System.nanoTime();
    FuzzRun.Result result;
    try (ScoringStages stages = StageCatalog.create(StageCatalog.names(), b, StageSettings.none());
        Progress progress = new Progress("fuzzing", inputs)) {
      ScoringPipeline pipeline = new ScoringPipeline(stages, Optional.empty(), StageListener.NONE, Clock.systemUTC());
      result = new FuzzRun(AlertCodec.withDefaults(), pipeline, packets).run(inputs, seed, progress::stepTo);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%d inputs from %d real packets in %.0f s (%.0f/s), seed %d: %d scored, %d dead-lettered, %d findings;"
        + " most heap in use after a collection %d MiB%n", result.inputs(), packets.size(), seconds, result.inputs() / seconds, seed,
        result.scored(), result.deadLetteredTotal(), result.findings().size(), result.maxUsedHeapBytes() >> 20);
    System.out.println("dead letters by reason: " + result.deadLettered());
    System.out.println("inputs by mutation: " + result.byMutation());
    result.findings().forEach(f -> System.out.println("finding: " + f));
    return result.findings().isEmpty() ? 0 : 1;
  }
}
