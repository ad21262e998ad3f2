package io.livesubs.app.bench;

import io.livesubs.app.job.JobSubmission;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.jobs.LivesubsJobConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The livesubs job of one benchmark phase, on topics and a consumer group of the phase's own
 * ({@code bench-<phase>.audio}, {@code .cues}, {@code .dlq}), so that no phase sees another's audio
 * or cues. {@link #start} creates the topics, submits the job to the stack's Flink and returns once
 * every subtask runs (models loaded), so that phases time processing, not start-up.
 *
 * <p>Owns the running job; {@link #close()} cancels it, waits for the cancellation (the next phase
 * needs the slots) and is idempotent. Not thread-safe apart from {@link #checkAlive()}.
 */
final class PhaseJob implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PhaseJob.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration SLICE = Duration.ofSeconds(1);
  private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(60);

  private final LocalStack stack;
  private final LivesubsJobConfig config;
  private final JobClient client;
  private final JobMetrics metrics;
  private boolean closed;

  private PhaseJob(LocalStack stack, LivesubsJobConfig config, JobClient client) {
    this.stack = stack;
    this.config = config;
    this.client = client;
    this.metrics = new JobMetrics(stack.flinkWebUrl());
  }

  /**
   * Starts the job of {@code phase} and waits until all its subtasks run.
   *
   * @throws IllegalStateException if the job fails or does not run within {@code startTimeout}
   */
  static PhaseJob start(
      LocalStack stack,
      String phase,
      int parallelism,
      DeliveryGuarantee delivery,
      Duration startTimeout)
      throws Exception {
    return start(stack, phase, parallelism, delivery, startTimeout, Map.of());
  }

  /**
   * Starts the job of {@code phase} with job options: {@code translation.*} keys of {@code
   * TranslationSettings}, every other key a recognition option ({@code RecognitionOptions}); waits
   * until all its subtasks run.
   *
   * @throws IllegalStateException if the job fails or does not run within {@code startTimeout}
   */
  static PhaseJob start(
      LocalStack stack,
      String phase,
      int parallelism,
      DeliveryGuarantee delivery,
      Duration startTimeout,
      Map<String, String> jobOptions)
      throws Exception {
    String prefix = "bench-" + phase;
    LivesubsJobConfig.Builder builder = LivesubsJobConfig.builder();
    jobOptions.forEach(
        (key, value) -> {
          if (key.startsWith("translation.")) {
            builder.translationOption(key, value);
          } else {
            builder.recognitionOption(key, value);
          }
        });
    LivesubsJobConfig config =
        builder
            .bootstrapServers(stack.bootstrapServers())
            .schemaRegistryUrl(stack.registryUrl())
            .audioTopic(prefix + ".audio")
            .cueTopic(prefix + ".cues")
            .deadLetterTopic(prefix + ".dlq")
            .groupId("livesubs-" + prefix)
            .transactionalIdPrefix("livesubs-" + prefix)
            .deliveryGuarantee(delivery)
            .parallelism(parallelism)
            .build();
    createTopics(stack, config);
    PhaseJob job =
        new PhaseJob(stack, config, JobSubmission.submit(stack.streamEnvironment(), config));
    try {
      job.awaitRunning(startTimeout);
    } catch (Exception e) {
      job.close();
      throw e;
    }
    return job;
  }

  private static void createTopics(LocalStack stack, LivesubsJobConfig config)
      throws InterruptedException, ExecutionException, TimeoutException {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      Map<String, String> delete =
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
      admin
          .createTopics(
              List.of(
                  topic(config.audioTopic(), stack.partitions(), delete),
                  topic(config.cueTopic(), stack.partitions(), delete),
                  topic(config.deadLetterTopic(), 1, delete)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static NewTopic topic(String name, int partitions, Map<String, String> configs) {
    return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
  }

  private void awaitRunning(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String problem = "no answer yet";
    while (System.nanoTime() < deadline) {
      checkAlive();
      try {
        if (metrics.allRunning(jobId())) {
          return;
        }
        problem = "not every subtask is running";
      } catch (IOException e) {
        problem = e.getMessage();
      }
      TimeUnit.MILLISECONDS.sleep(POLL.toMillis()); // polling the REST API, not synchronisation
    }
    throw new IllegalStateException(
        "the benchmark job did not start within " + timeout.toSeconds() + " s: " + problem);
  }

  /** The job's settings (topics, consumer group). */
  LivesubsJobConfig config() {
    return config;
  }

  /** The job's id, as the Flink REST API names it. */
  String jobId() {
    return client.getJobID().toHexString();
  }

  /** The job's metrics through the Flink REST API. */
  JobMetrics metrics() {
    return metrics;
  }

  /**
   * @throws IllegalStateException if the job has ended (it never ends by itself: it failed)
   */
  void checkAlive() throws Exception {
    JobStatus status = client.getJobStatus().get(10, TimeUnit.SECONDS);
    if (status.isGloballyTerminalState()) {
      throw new IllegalStateException(
          "the benchmark job ended early ("
              + status
              + "); its exception is in the Flink web UI at "
              + stack.flinkWebUrl());
    }
  }

  /**
   * Waits until {@code tracker} has seen every one of {@code streams} end, in slices, so that a
   * failed job ends the wait at once instead of at the timeout.
   *
   * @return whether they all ended within {@code timeout}
   * @throws IllegalStateException if the job failed
   */
  boolean awaitEnded(CueTracker tracker, List<String> streams, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!tracker.awaitEnded(streams, SLICE)) {
      checkAlive();
      if (System.nanoTime() > deadline) {
        LOG.warn(
            "no end-of-stream marker from {} within {} s",
            tracker.notEnded(streams),
            timeout.toSeconds());
        return false;
      }
    }
    return true;
  }

  /** Cancels the job and waits until it is cancelled. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!client.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
        client.cancel().get(CANCEL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      long deadline = System.nanoTime() + CANCEL_TIMEOUT.toNanos();
      while (!client.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()
          && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(POLL.toMillis()); // polling the job status
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("could not cancel the benchmark job {}: {}", jobId(), e.toString());
    }
  }
}
