package io.livesubs.app;

import io.livesubs.app.cli.DemoCommand;
import io.livesubs.app.cli.EvalMtCommand;
import io.livesubs.app.cli.JobCommand;
import io.livesubs.app.cli.ParameterErrorHandler;
import io.livesubs.app.cli.StackCommand;
import io.livesubs.app.cli.StreamConfigCommand;
import io.livesubs.app.cli.VersionProvider;
import io.livesubs.ingest.cli.CliErrors;
import io.livesubs.ingest.cli.IngestCommand;
import io.livesubs.sink.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code livesubs} command line. Each subcommand is its own class; adding one is one line in
 * {@code subcommands} below.
 *
 * <p>Every error is one line {@code livesubs: <what is wrong>} on stderr: bad arguments exit with 2
 * and point at the command's {@code --help} ({@link ParameterErrorHandler}); bad input found while
 * running also exits with 2, any other failure with 1 ({@link CliErrors}, shared with the commands
 * of other modules).
 */
@Command(
    name = "livesubs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Live subtitles for live streams, on Apache Kafka and Apache Flink.",
    subcommands = {
      StackCommand.class,
      IngestCommand.class,
      JobCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      EvalMtCommand.class,
      StreamConfigCommand.class,
      io.livesubs.app.bench.BenchCommand.class,
      io.livesubs.app.cli.ModelsCommand.class,
    })
public final class LivesubsCli implements Runnable {

  @Spec private CommandSpec spec;

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** A new, fully configured command line (error handlers included); for main and for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new LivesubsCli())
        .setParameterExceptionHandler(new ParameterErrorHandler())
        .setExecutionExceptionHandler(CliErrors.oneLineHandler());
  }

  /** {@code livesubs} without a command is a usage error, like an unknown command. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
