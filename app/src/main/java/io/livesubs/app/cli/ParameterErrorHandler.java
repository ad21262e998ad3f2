package io.livesubs.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports a bad command line (unknown option, missing or malformed value, value out of range) as *
 * one line on the command's error stream, {@code livesubs: <what is wrong> (try '<command>
 * --help')}, and exits with {@link CommandLine.ExitCode#USAGE} (2), instead of picocli's default of
 * printing the whole usage text. Stateless and thread-safe.
 */
public final class ParameterErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(
        "livesubs: "
            + decapitalize(e.getMessage())
            + " (try '"
            + command.getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }

  private static String decapitalize(String message) {
    if (message == null || message.isEmpty()) {
      return "invalid command line";
    }
    // picocli capitalizes its messages; ours read as the tail of "livesubs: ...".
    if (message.length() > 1 && Character.isUpperCase(message.charAt(1))) {
      return message; // an acronym such as "URL ..." stays as it is
    }
    return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }
}
