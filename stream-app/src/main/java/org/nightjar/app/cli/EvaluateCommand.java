package org.nightjar.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the evaluation commands: figures and plots on alerts held out from training. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Evaluate a trained model on held-out alerts: figures on stdout, plots as PNG/HTML.",
    subcommands = {EvaluateAnomalyCommand.class, EvaluateArtifactCommand.class, EvaluateDescriptorWeightCommand.class,
        EvaluateXdCommand.class})
public final class EvaluateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
