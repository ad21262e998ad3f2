package io.livesubs.app.cli;

import io.livesubs.app.models.ListCommand;
import io.livesubs.app.models.PullCommand;
import io.livesubs.app.models.StandInCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs models}: model files for the engines. Subcommands: {@code stand-in} (a
 * random-weight Whisper with the real architecture), {@code pull} (real exports, checksummed) and
 * {@code list} (what is installed). Stateless.
 */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Manage model files: write stand-in Whisper models, pull real ones, list them.",
    subcommands = {StandInCommand.class, PullCommand.class, ListCommand.class})
public final class ModelsCommand implements Runnable {

  @Spec private CommandSpec spec;

  /** {@code livesubs models} without a subcommand is a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing subcommand: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
