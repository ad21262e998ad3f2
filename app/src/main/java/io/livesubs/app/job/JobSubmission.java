package io.livesubs.app.job;

import io.livesubs.jobs.LivesubsJob;
import io.livesubs.jobs.LivesubsJobConfig;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Submits the livesubs job on Kafka to a Flink environment without waiting for it to end: applies
 * the configuration's checkpointing and parallelism, builds the topology and calls {@code
 * executeAsync}. The environment decides where the job runs (an embedded cluster, a remote session
 * cluster). Stateless and thread-safe; the returned client belongs to the caller.
 */
public final class JobSubmission {

  /** Name of the job in the Flink web UI. */
  public static final String JOB_NAME = "livesubs";

  private JobSubmission() {}

  /**
   * Submits the job.
   *
   * @return the client of the running job
   * @throws Exception if the topology cannot be built or the cluster refuses the job
   */
  public static JobClient submit(StreamExecutionEnvironment env, LivesubsJobConfig config)
      throws Exception {
    LivesubsJob job = LivesubsJob.onKafka(config);
    job.configure(env);
    job.build(env);
    return env.executeAsync(JOB_NAME);
  }
}
