package io.livesubs.app.cli;

import io.livesubs.app.stack.LivesubsTopics;
import io.livesubs.app.stack.LocalStack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs stack}: runs the local stack ({@link LocalStack}: Kafka with the livesubs topics,
 * the schema registry, Flink with its web UI) in this process, prints where to reach it, and keeps
 * it up until the process is stopped (Ctrl-C); a shutdown hook then stops it cleanly.
 */
@Command(
    name = "stack",
    mixinStandardHelpOptions = true,
    description = {
      "Run Kafka, the schema registry and Flink in this process.",
      "Creates the livesubs topics, prints the addresses (Kafka bootstrap servers, schema"
          + " registry, Flink web UI) and runs until Ctrl-C, then stops cleanly."
    })
public final class StackCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Keep Kafka data and schemas here across restarts (default: a temporary"
              + " directory deleted on exit).")
  private Path dataDir;

  @Option(
      names = "--kafka-port",
      paramLabel = "PORT",
      description = "Kafka client port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  private int kafkaPort = LocalStack.DEFAULT_KAFKA_PORT;

  @Option(
      names = "--registry-port",
      paramLabel = "PORT",
      description = "Schema registry port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  private int registryPort = LocalStack.DEFAULT_REGISTRY_PORT;

  @Option(
      names = "--web-port",
      paramLabel = "PORT",
      description = "Flink web UI and REST port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  private int webPort = LocalStack.DEFAULT_WEB_PORT;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Partitions of the audio, streams and cues topics (default: ${DEFAULT-VALUE}).")
  private int partitions = LivesubsTopics.DEFAULT_PARTITIONS;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description = "Flink task slots (default: ${DEFAULT-VALUE}).")
  private int slots = 4;

  @Override
  public Integer call() throws InterruptedException {
    LocalStack.Builder builder = validatedBuilder();
    PrintWriter out = spec.commandLine().getOut();
    out.println("starting the livesubs local stack...");
    out.flush();
    long startNanos = System.nanoTime();
    LocalStack stack = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("stopping the livesubs local stack...");
                  out.flush();
                  stack.close();
                  stopped.countDown();
                },
                "livesubs-stack-shutdown"));
    printAddresses(out, stack, (System.nanoTime() - startNanos) / 1_000_000);
    // The JVM ends once the shutdown hook has closed the stack; nothing else wakes this thread.
    stopped.await();
    return 0;
  }

  private LocalStack.Builder validatedBuilder() {
    checkPort("--kafka-port", kafkaPort);
    checkPort("--registry-port", registryPort);
    checkPort("--web-port", webPort);
    checkPositive("--partitions", partitions);
    checkPositive("--slots", slots);
    return LocalStack.builder()
        .dataDir(dataDir)
        .kafkaPort(kafkaPort)
        .registryPort(registryPort)
        .webPort(webPort)
        .partitions(partitions)
        .slots(slots);
  }

  private void printAddresses(PrintWriter out, LocalStack stack, long startMillis) {
    out.printf("livesubs local stack is up (started in %.1f s)%n", startMillis / 1000.0);
    out.printf("  Kafka bootstrap servers  %s%n", stack.bootstrapServers());
    out.printf("  Schema registry          %s%n", stack.registryUrl());
    out.printf("  Flink web UI             %s%n", stack.flinkWebUrl());
    out.printf(
        "  Data                     %s%n",
        dataDir == null ? "temporary, deleted on exit" : stack.dataDir() + " (kept)");
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  private void checkPort(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          spec.commandLine(), option + " must be a port in 0..65535, got " + port);
    }
  }

  private void checkPositive(String option, int value) {
    if (value < 1) {
      throw new ParameterException(
          spec.commandLine(), option + " must be at least 1, got " + value);
    }
  }
}
