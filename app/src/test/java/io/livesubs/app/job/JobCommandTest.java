package io.livesubs.app.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code livesubs job}: bad arguments are one line and exit code 2, before anything starts. */
class JobCommandTest {

  private static void assertUsageError(CliRun run, String mentioned) {
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("livesubs: "), run.err());
    assertTrue(run.err().contains(mentioned), "should mention " + mentioned + ": " + run.err());
    assertTrue(run.out().isEmpty(), "nothing may start: " + run.out());
  }

  @Test
  void badDeliveryGuarantee() {
    assertUsageError(CliRun.of("job", "--delivery", "twice"), "twice");
  }

  @Test
  void badDuration() {
    assertUsageError(CliRun.of("job", "--checkpoint-interval", "often"), "often");
  }

  @Test
  void negativeParallelism() {
    assertUsageError(CliRun.of("job", "--parallelism", "-2"), "--parallelism");
  }

  @Test
  void jobManagerWithoutPort() {
    assertUsageError(CliRun.of("job", "--jobmanager", "flink-host"), "flink-host");
  }

  @Test
  void jobJarWithoutJobManager() {
    assertUsageError(CliRun.of("job", "--job-jar", "x.jar"), "--jobmanager");
  }

  @Test
  void missingJobJarIsBadInput(@TempDir Path dir) {
    Path missing = dir.resolve("missing-job.jar");
    assertUsageError(
        CliRun.of("job", "--jobmanager", "127.0.0.1:1", "--job-jar", missing.toString()),
        missing.toString());
  }

  @Test
  void theCheckoutsJobJarIsFoundOnlyWhenThereIsExactlyOne(@TempDir Path dir) throws IOException {
    assertEquals(Optional.empty(), JobJars.inDirectory(dir));
    Files.createFile(dir.resolve("livesubs-flink-jobs-1.0.jar"));
    assertEquals(Optional.empty(), JobJars.inDirectory(dir), "the thin jar is not the job jar");
    Path jar = Files.createFile(dir.resolve("livesubs-flink-jobs-1.0-job.jar"));
    assertEquals(Optional.of(jar), JobJars.inDirectory(dir));
    Files.createFile(dir.resolve("livesubs-flink-jobs-2.0-job.jar"));
    assertEquals(Optional.empty(), JobJars.inDirectory(dir), "two versions: ambiguous");
  }
}
