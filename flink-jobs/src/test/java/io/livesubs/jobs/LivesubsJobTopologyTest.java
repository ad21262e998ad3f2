package io.livesubs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.source.DecodedAudio;
import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.SubtitleCue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.SinkTransformation;
import org.apache.flink.streaming.api.transformations.SourceTransformation;
import org.junit.jupiter.api.Test;

class LivesubsJobTopologyTest {

  private static LivesubsJob job(LivesubsJobConfig config) {
    return new LivesubsJob(
        config,
        new DataGeneratorSource<>(
            i -> {
              throw new IllegalStateException("not run");
            },
            1,
            TypeInformation.of(DecodedAudio.class)),
        new DiscardingSink<DeadLetter>(),
        new DiscardingSink<SubtitleCue>());
  }

  private static LivesubsJobConfig config() {
    return LivesubsJobConfig.builder()
        .bootstrapServers("localhost:9092")
        .schemaRegistryUrl("http://localhost:8081")
        .parallelism(3)
        .build();
  }

  @Test
  void everyStatefulOperatorOfTheFrontHalfHasAUidAndAName() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    job(config()).orderedAudio(env);
    Set<String> uids = new HashSet<>();
    Deque<Transformation<?>> todo = new ArrayDeque<>(env.getTransformations());
    Set<Transformation<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Transformation<?> t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      todo.addAll(t.getInputs());
      if (t instanceof SourceTransformation
          || t instanceof OneInputTransformation
          || t instanceof SinkTransformation) {
        assertNotNull(t.getUid(), "no uid on " + t.getName());
        assertTrue(!t.getName().isBlank(), "no name on " + t);
        uids.add(t.getUid());
      }
    }
    assertEquals(
        Set.of(
            LivesubsJob.SOURCE_UID,
            LivesubsJob.ROUTER_UID,
            LivesubsJob.DEAD_LETTER_SINK_UID,
            LivesubsJob.ORDERING_UID),
        uids);
  }

  @Test
  void theWholeJobHasAUidAndANameOnEveryOperatorAndReadsLikeTheDataFlow() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    job(config()).build(env); // models load when operators open, not when the graph is built
    Set<String> uids = new HashSet<>();
    Set<String> names = new HashSet<>();
    Deque<Transformation<?>> todo = new ArrayDeque<>(env.getTransformations());
    Set<Transformation<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Transformation<?> t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      todo.addAll(t.getInputs());
      if (t instanceof SourceTransformation
          || t instanceof OneInputTransformation
          || t instanceof SinkTransformation) {
        assertNotNull(t.getUid(), "no uid on " + t.getName());
        uids.add(t.getUid());
        names.add(t.getName());
      }
    }
    assertEquals(
        Set.of(
            LivesubsJob.SOURCE_UID,
            LivesubsJob.ROUTER_UID,
            LivesubsJob.DEAD_LETTER_SINK_UID,
            LivesubsJob.ORDERING_UID,
            LivesubsJob.VAD_UID,
            LivesubsJob.ASR_UID,
            LivesubsJob.CAPTIONS_UID,
            LivesubsJob.CUE_SINK_UID),
        uids);
    assertTrue(
        names.containsAll(
            Set.of("detect speech (Silero VAD)", "recognise speech (vosk)", "shape captions")),
        names.toString());
  }

  @Test
  void orderingAndTheRecognitionStagesRunChainedInOneTask() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    LivesubsJob job = job(config());
    job.configure(env);
    job.build(env);
    List<String> tasks = new ArrayList<>();
    for (JobVertex vertex : env.getStreamGraph().getJobGraph().getVertices()) {
      tasks.add(vertex.getName());
    }
    String stages =
        "order chunks by seq -> detect speech (Silero VAD) -> recognise speech (vosk)"
            + " -> shape captions";
    assertTrue(tasks.stream().anyMatch(t -> t.contains(stages)), tasks.toString());
  }

  @Test
  void configureAppliesCheckpointingAndParallelism() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    job(config()).configure(env);
    assertEquals(3, env.getParallelism());
    assertEquals(2_000, env.getCheckpointInterval());
    assertEquals(LivesubsJob.BUFFER_TIMEOUT_MS, env.getBufferTimeout());
  }
}
