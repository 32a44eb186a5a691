package org.nightjar.app;

import org.nightjar.app.cli.BenchCommand;
import org.nightjar.app.cli.BrokerCommand;
import org.nightjar.app.cli.CrashTestCommand;
import org.nightjar.app.cli.DemoCommand;
import org.nightjar.app.cli.EvaluateCommand;
import org.nightjar.app.cli.FuzzCommand;
import org.nightjar.app.cli.ReplayCommand;
import org.nightjar.app.cli.ReportCommand;
import org.nightjar.app.cli.RunCommand;
import org.nightjar.app.cli.ScoreCommand;
import org.nightjar.app.cli.TrainCommand;
import org.nightjar.app.security.KafkaAccessDeniedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nightjar} command line: wiring only, each verb lives in its own class. */
@Command(
    name = "nightjar",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Scores astronomical alert streams (ZTF, Rubin) on Kafka: anomaly, artifact, star/galaxy.",
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      ReplayCommand.class,
      ScoreCommand.class,
      ReportCommand.class,
      FuzzCommand.class,
      BenchCommand.class,
      BrokerCommand.class,
      CrashTestCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Main::handleExecutionException);
  }

  /**
   * A refused Kafka access is an operator's matter, not a bug: its message (which says what to fix)
   * and a distinct exit code, no stack trace. Anything else keeps picocli's default handling.
   */
  private static int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    if (e instanceof KafkaAccessDeniedException denied) {
      command.getErr().println(command.getCommandName() + ": " + denied.getMessage());
      command.getErr().flush();
      return KafkaAccessDeniedException.EXIT_CODE;
    }
    throw e;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Version from the jar manifest, when packaged. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"nightjar " + (v == null ? "(development build)" : v)};
    }
  }
}
