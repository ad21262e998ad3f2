package io.livesubs.jobs.translation;

import static io.livesubs.jobs.translation.SourceCues.end;
import static io.livesubs.jobs.translation.SourceCues.finalCue;
import static io.livesubs.jobs.translation.SourceCues.partial;
import static io.livesubs.jobs.translation.SourceCues.progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.inference.mt.apertium.ApertiumTranslator;
import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.testing.CollectingSink;
import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.flink.AvroSpecificTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The translation branch on a Flink mini cluster with the real Apertium engine. */
class TranslationITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @BeforeAll
  static void requireApertium() {
    boolean present;
    try (ApertiumTranslator t = ApertiumTranslator.create()) {
      present = t.supports("en", "es");
    } catch (RuntimeException e) {
      present = false;
    }
    String message = "Apertium with eng-spa not installed (scripts/install-prereqs.sh)";
    if (!present && System.getenv("CI") != null) {
      fail(message);
    }
    assumeTrue(present, message + ": test skipped");
  }

  private static List<SubtitleCue> stream(String id) {
    return List.of(
        partial(id, 0, 0, 600, "the weather"),
        finalCue(id, 0, 100, 1900, "the weather is good today"),
        finalCue(id, 1, 1980, 3600, "and the sun is shining"),
        progress(id, 3600),
        finalCue(id, 2, 4200, 6000, "thank you for listening"),
        progress(id, 6000),
        end(id, 6500));
  }

  @Test
  void sourceCuesPassAndEveryStreamGetsTimedSpanishCuesAndItsEndMarker() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<SubtitleCue> input = new ArrayList<>(stream("a"));
    input.addAll(stream("b"));
    DataStream<SubtitleCue> source =
        env.fromData(input, new AvroSpecificTypeInfo<>(SubtitleCue.class)).setParallelism(1);
    DataStream<StreamTargets> configs =
        env.fromData(
            List.of(StreamTargets.of("unrelated", "de")), TypeInformation.of(StreamTargets.class));
    TranslationSettings settings =
        TranslationSettings.defaults()
            .withOptions(
                Map.of("translation.enabled", "true", "translation.default-targets", "es"));
    CollectingSink<SubtitleCue> sink = new CollectingSink<>("translation-itcase");
    source
        .union(
            new TranslationBranch(settings, ShapingRules.defaults(), TranslatorFactory.apertium())
                .translate(source, configs))
        .sinkTo(sink)
        .setParallelism(1); // one writer: each sender's order is what the sink sees
    env.execute("translation-itcase");

    List<SubtitleCue> out = sink.received();
    for (String id : List.of("a", "b")) {
      List<SubtitleCue> english =
          out.stream()
              .filter(c -> c.getStreamId().equals(id) && c.getLanguage().equals("en"))
              .toList();
      assertEquals(stream(id), english, "source cues pass unchanged and in order");

      List<SubtitleCue> spanish =
          out.stream()
              .filter(c -> c.getStreamId().equals(id) && c.getLanguage().equals("es"))
              .toList();
      List<SubtitleCue> cues = spanish.stream().filter(c -> !CueConventions.isMarker(c)).toList();
      assertTrue(cues.size() >= 2, spanish.toString());
      for (int i = 0; i < cues.size(); i++) {
        SubtitleCue c = cues.get(i);
        assertEquals(i, c.getCueSeq());
        boolean firstPhrase = c.getSourceCue().getCueSeq() == 0;
        long spanStart = firstPhrase ? 100 : 4200;
        long spanEnd = firstPhrase ? 3600 : 6000;
        assertTrue(
            c.getStartMs() >= spanStart && c.getEndMs() <= spanEnd,
            "cue " + c + " outside " + spanStart + ".." + spanEnd);
        assertTrue(List.of(0L, 2L).contains(c.getSourceCue().getCueSeq()), c.toString());
      }
      String text = String.join(" ", cues.stream().flatMap(c -> c.getLines().stream()).toList());
      assertTrue(text.toLowerCase().contains("gracias"), text);
      SubtitleCue last = spanish.get(spanish.size() - 1);
      assertTrue(CueConventions.isEndOfStream(last), "last Spanish record is the end marker");
      assertEquals(6500, last.getEndMs());
    }
    assertTrue(
        out.stream().noneMatch(c -> c.getLanguage().equals("de")),
        "a config of another stream changes nothing here");
  }
}
