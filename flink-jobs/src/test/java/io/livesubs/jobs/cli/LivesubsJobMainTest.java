package io.livesubs.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.LivesubsJobMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The job jar's main reports bad options in one line with exit code 2, before anything starts. */
class LivesubsJobMainTest {

  private static void assertUsageError(String mentioned, String... args) {
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    CommandLine cmd = LivesubsJobMain.commandLine();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(out, true));
    assertEquals(2, cmd.execute(args), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().startsWith(UsageErrors.PREFIX), err.toString());
    assertTrue(err.toString().contains(mentioned), "should mention " + mentioned + ": " + err);
    assertTrue(out.toString().isEmpty(), "nothing may start: " + out);
  }

  @Test
  void badDeliveryGuarantee() {
    assertUsageError("never", "--delivery", "never");
  }

  @Test
  void unknownOption() {
    assertUsageError("--no-such-option", "--no-such-option");
  }

  @Test
  void invalidSettingFoundWhenBuildingTheConfiguration() {
    assertUsageError("topics must differ", "--audio-topic", "x", "--cue-topic", "x");
  }
}
