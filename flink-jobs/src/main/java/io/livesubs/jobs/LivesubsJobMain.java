package io.livesubs.jobs;

import io.livesubs.jobs.cli.JobOptions;
import io.livesubs.jobs.cli.UsageErrors;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the livesubs job on a Flink cluster ({@code flink run -c ... JAR [options]}, or
 * the JobManager of an application-mode deployment), named by the job jar's manifest: reads the
 * {@link JobOptions}, builds {@link LivesubsJob#onKafka} and runs it in the environment Flink
 * provides ({@code getExecutionEnvironment()}), so the cluster decides where it runs. Bad options
 * print one line and exit with 2, like every livesubs command.
 *
 * <p>See {@code docs/job.md} for submitting it; the native model runtimes (ONNX Runtime, Vosk, JNA)
 * must be in Flink's {@code lib/}. A new instance per execution; not thread-safe.
 */
@Command(
    name = "livesubs-job",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "The livesubs Flink job: audio chunks from Kafka to subtitle cues on Kafka.")
public final class LivesubsJobMain implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JobOptions options;

  /** Runs the job; exits the JVM only when the options are bad or the job failed to start. */
  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** A new command line that reports bad options in one line; for main and for tests. */
  public static CommandLine commandLine() {
    return UsageErrors.install(new CommandLine(new LivesubsJobMain()));
  }

  @Override
  public Integer call() throws Exception {
    LivesubsJob.onKafka(options.toConfig(spec.commandLine())).execute();
    return 0;
  }
}
