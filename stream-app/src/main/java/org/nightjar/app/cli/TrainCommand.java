package org.nightjar.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the offline training commands; each writes into a model bundle folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a model of the bundle on a folder of real alert packets.",
    subcommands = {TrainBundleCommand.class, TrainAutoencoderCommand.class, TrainIndexCommand.class,
        TrainArtifactCommand.class, TrainXdCommand.class})
public final class TrainCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
