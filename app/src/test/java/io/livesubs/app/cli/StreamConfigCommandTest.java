package io.livesubs.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.testing.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argument errors of {@code livesubs stream-config}: one line naming the problem, exit code 2. */
class StreamConfigCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "stream-config bad/id --targets es | bad/id",
        "stream-config talk --targets es,not_a_tag | not_a_tag",
        "stream-config talk --source 12 | '12'",
        "stream-config talk --reset --targets es | --reset cannot be combined",
        "stream-config | STREAM",
        "stream-config talk --targets es --bootstrap-servers nohost | nohost",
      })
  void badArgumentsAreOneLineAndExitCode2(String args, String named) {
    CliRun run = CliRun.of(args.split(" "));
    assertEquals(2, run.exitCode(), run.out() + run.err());
    String err = run.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("livesubs: "), err);
    assertTrue(err.contains(named.replace("'", "")), err);
  }
}
