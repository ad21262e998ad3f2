package io.livesubs.ingest.cli;

import io.livesubs.ingest.ErrorMessages;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * One-line error reporting for livesubs commands, reusable by every module's picocli commands: any
 * error prints exactly one line {@code livesubs: <message>} on the command's error writer. Bad
 * arguments (picocli's {@link ParameterException}, unknown options, and {@link CliInputException}
 * from a command) exit with {@value #EXIT_BAD_INPUT}; any other failure (an unreachable service,
 * say) exits with {@value #EXIT_FAILURE}. Stack traces go to the log at debug level only. Stateless
 * and thread-safe.
 */
public final class CliErrors {

  /** Exit code for bad arguments or unusable input. */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit code for failures other than bad input. */
  public static final int EXIT_FAILURE = 1;

  /** Prefix of every error line. */
  public static final String PREFIX = "livesubs: ";

  private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

  private CliErrors() {}

  /**
   * The handler, for {@code setParameterExceptionHandler} and {@code setExecutionExceptionHandler}.
   */
  public static OneLineHandler oneLineHandler() {
    return new OneLineHandler();
  }

  /** Installs the one-line handler for both parse and execution errors; returns {@code cmd}. */
  public static CommandLine install(CommandLine cmd) {
    OneLineHandler handler = oneLineHandler();
    cmd.setParameterExceptionHandler(handler);
    cmd.setExecutionExceptionHandler(handler);
    return cmd;
  }

  /** Prints one line per error and maps it to an exit code; see {@link CliErrors}. */
  public static final class OneLineHandler
      implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private OneLineHandler() {}

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      LOG.debug("bad arguments", ex);
      print(ex.getCommandLine(), ErrorMessages.of(ex));
      return EXIT_BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
      LOG.debug("command failed", ex);
      print(cmd, ErrorMessages.of(ex));
      boolean badInput = ex instanceof CliInputException || ex instanceof ParameterException;
      return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
    }

    private static void print(CommandLine cmd, String message) {
      PrintWriter err = cmd.getErr();
      err.println(PREFIX + message);
      err.flush();
    }
  }
}
