package io.livesubs.app.cli;

import io.livesubs.app.job.JobJars;
import io.livesubs.app.job.JobSubmission;
import io.livesubs.app.stack.EmbeddedFlinkCluster;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.app.stack.Loopback;
import io.livesubs.ingest.cli.CliInputException;
import io.livesubs.jobs.LivesubsJobConfig;
import io.livesubs.jobs.cli.JobOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs job}: runs the livesubs Flink job against a given Kafka and schema registry.
 *
 * <p>By default on a Flink cluster started in this process, with its web UI on {@code --web-port};
 * the command then runs until the job ends or the process is stopped (Ctrl-C stops the cluster and
 * with it the job). With {@code --jobmanager HOST:PORT} it submits the job jar to that cluster's
 * REST API instead, prints the job id and returns (the job keeps running there). A new instance per
 * execution; not thread-safe.
 */
@Command(
    name = "job",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the livesubs Flink job: audio from Kafka to subtitle cues on Kafka.",
      "Runs on a Flink cluster in this process (web UI on --web-port) until Ctrl-C, or submits"
          + " the job jar to a running cluster with --jobmanager HOST:PORT."
    })
public final class JobCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JobOptions job;

  @Option(
      names = "--web-port",
      paramLabel = "PORT",
      description = "Web UI / REST port of the local Flink cluster (default: ${DEFAULT-VALUE}).")
  private int webPort = LocalStack.DEFAULT_WEB_PORT;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description = "Task slots of the local Flink cluster (default: ${DEFAULT-VALUE}).")
  private int slots = 4;

  @Option(
      names = "--jobmanager",
      paramLabel = "HOST:PORT",
      description = "Submit to this Flink cluster's REST address instead of running locally.")
  private String jobManager;

  @Option(
      names = "--job-jar",
      paramLabel = "FILE",
      description =
          "The shaded job jar to ship with --jobmanager (default: the one built in this"
              + " checkout, flink-jobs/target/livesubs-flink-jobs-<version>-job.jar).")
  private Path jobJar;

  @Override
  public Integer call() throws Exception {
    LivesubsJobConfig config = job.toConfig(spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    if (jobManager != null) {
      return submitRemote(config, out);
    }
    if (jobJar != null) {
      throw new ParameterException(spec.commandLine(), "--job-jar needs --jobmanager");
    }
    return runLocal(config, out);
  }

  private int runLocal(LivesubsJobConfig config, PrintWriter out) throws Exception {
    if (webPort < 0 || webPort > 65535) {
      throw new ParameterException(spec.commandLine(), "--web-port must be 0..65535");
    }
    if (slots < 1 || config.parallelism() > slots) {
      throw new ParameterException(
          spec.commandLine(),
          "--slots must be at least 1 and at least --parallelism, got " + slots);
    }
    Loopback.requireFree(webPort, "Flink web UI");
    EmbeddedFlinkCluster cluster =
        EmbeddedFlinkCluster.builder().webPort(webPort).slots(slots).start();
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  cluster.close();
                },
                "livesubs-job-shutdown"));
    JobClient client = null;
    try {
      client = JobSubmission.submit(cluster.streamEnvironment(), config);
      out.printf("livesubs job %s is running%n", client.getJobID());
      out.printf("  Flink web UI  %s/#/job/running/%s%n", cluster.webUrl(), client.getJobID());
      out.printf("  reads         %s on %s%n", config.audioTopic(), config.bootstrapServers());
      out.printf("  writes        %s (%s)%n", config.cueTopic(), config.deliveryGuarantee());
      out.println("Press Ctrl-C to stop.");
      out.flush();
      client.getJobExecutionResult().get();
      return 0;
    } catch (ExecutionException e) {
      if (stopping.get()) {
        return 0;
      }
      if (client != null && client.getJobStatus().get() == JobStatus.CANCELED) {
        out.println("livesubs job " + client.getJobID() + " was cancelled");
        out.flush();
        return 0;
      }
      throw new IllegalStateException("the livesubs job failed: " + rootMessage(e), e);
    } finally {
      if (!stopping.get()) {
        cluster.close();
      }
    }
  }

  private int submitRemote(LivesubsJobConfig config, PrintWriter out) throws Exception {
    int colon = jobManager.lastIndexOf(':');
    String host = colon > 0 ? jobManager.substring(0, colon) : "";
    String portText = colon > 0 ? jobManager.substring(colon + 1) : "";
    if (host.isBlank() || !portText.matches("\\d{1,5}") || Integer.parseInt(portText) > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--jobmanager: '" + jobManager + "' is not HOST:PORT");
    }
    int port = Integer.parseInt(portText);
    Path jar = jobJar != null ? jobJar : JobJars.inCheckout().orElse(null);
    if (jar == null) {
      throw new CliInputException(
          "no job jar: give --job-jar FILE (build it with: mvn -pl flink-jobs package)");
    }
    if (!Files.isRegularFile(jar)) {
      throw new CliInputException("job jar not found: " + jar);
    }
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createRemoteEnvironment(
            host, port, new Configuration(), jar.toAbsolutePath().toString());
    JobClient client = JobSubmission.submit(env, config);
    out.printf("submitted livesubs job %s to %s%n", client.getJobID(), jobManager);
    out.printf("  Flink web UI  http://%s:%d/#/job/running/%s%n", host, port, client.getJobID());
    out.flush();
    return 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
