package io.livesubs.app.testing;

import io.livesubs.app.LivesubsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of the {@code livesubs} command line with captured output.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 * @param millis how long the run took
 */
public record CliRun(int exitCode, String out, String err, long millis) {

  /** Runs {@code livesubs args...}. */
  public static CliRun of(String... args) {
    CommandLine cli = LivesubsCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    long start = System.nanoTime();
    int code = cli.execute(args);
    return new CliRun(
        code, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
  }

  /** Lines of standard error. */
  public List<String> errLines() {
    return err.lines().toList();
  }
}
