package io.livesubs.jobs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports a bad command line of the job jar's main as one line on the command's error stream,
 * {@code livesubs: <what is wrong> (try '<command> --help')}, and exits with {@value #EXIT_USAGE},
 * like every livesubs command, instead of picocli's default of printing the whole usage text. The
 * job jar cannot use the {@code livesubs} command line's handler (that lives in modules the job
 * does not depend on), hence this small one. Stateless and thread-safe.
 */
public final class UsageErrors implements IParameterExceptionHandler {

  /** Exit code of a bad command line. */
  public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

  /** Prefix of every error line. */
  public static final String PREFIX = "livesubs: ";

  /** Installs the handler on {@code cmd}; returns {@code cmd}. */
  public static CommandLine install(CommandLine cmd) {
    return cmd.setParameterExceptionHandler(new UsageErrors());
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String message = e.getMessage() == null ? "invalid command line" : e.getMessage();
    PrintWriter err = command.getErr();
    err.println(
        PREFIX
            + message.lines().findFirst().orElse(message)
            + " (try '"
            + command.getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return EXIT_USAGE;
  }
}
