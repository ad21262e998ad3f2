package io.livesubs.jobs.translation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.LivesubsJob;
import io.livesubs.jobs.LivesubsJobConfig;
import io.livesubs.jobs.source.DecodedAudio;
import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.SubtitleCue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

class TranslationTopologyTest {

  private static Set<String> uids(boolean enabled, boolean withTargets) {
    LivesubsJobConfig config =
        LivesubsJobConfig.builder()
            .bootstrapServers("localhost:9092")
            .schemaRegistryUrl("http://localhost:8081")
            .translationOption("translation.enabled", Boolean.toString(enabled))
            .build();
    LivesubsJob job =
        new LivesubsJob(
            config,
            new DataGeneratorSource<>(
                i -> {
                  throw new IllegalStateException("not run");
                },
                1,
                TypeInformation.of(DecodedAudio.class)),
            new DiscardingSink<DeadLetter>(),
            new DiscardingSink<SubtitleCue>(),
            withTargets
                ? new DataGeneratorSource<>(
                    i -> {
                      throw new IllegalStateException("not run");
                    },
                    1,
                    TypeInformation.of(StreamTargets.class))
                : null);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    job.build(env);
    Set<String> uids = new HashSet<>();
    Set<String> names = new HashSet<>();
    Deque<Transformation<?>> todo = new ArrayDeque<>(env.getTransformations());
    Set<Transformation<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Transformation<?> t = todo.pop();
      if (seen.add(t)) {
        todo.addAll(t.getInputs());
        if (t.getUid() != null) {
          uids.add(t.getUid());
          names.add(t.getUid() + "=" + t.getName());
        }
      }
    }
    return enabled && withTargets ? checkNames(uids, names) : uids;
  }

  private static Set<String> checkNames(Set<String> uids, Set<String> names) {
    assertTrue(
        names.containsAll(
            Set.of(
                TranslationBranch.STREAM_CONFIG_SOURCE_UID + "=stream configs",
                TranslationBranch.PLANNER_UID + "=plan translations",
                TranslationBranch.TRANSLATE_UID + "=translate (apertium)",
                TranslationBranch.TRANSLATED_CAPTIONS_UID + "=shape translated captions")),
        names.toString());
    return uids;
  }

  @Test
  void translationAddsItsOperatorsWithUidsWhenEnabled() {
    Set<String> uids = uids(true, true);
    assertTrue(uids.contains(LivesubsJob.CUE_SINK_UID));
    assertTrue(uids.contains(TranslationBranch.PLANNER_UID), uids.toString());
  }

  @Test
  void withoutTheOptionOrASourceTheJobIsUnchanged() {
    assertFalse(uids(false, true).contains(TranslationBranch.PLANNER_UID));
    assertFalse(uids(true, false).contains(TranslationBranch.PLANNER_UID));
  }
}
