package io.livesubs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.eval.ErrorCounts;
import io.livesubs.inference.eval.WordErrorRate;
import io.livesubs.jobs.captions.PhraseContext;
import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.captions.ShapingViolations;
import io.livesubs.jobs.source.DecodedAudio;
import io.livesubs.jobs.source.PcmChunk;
import io.livesubs.jobs.testing.CollectingSink;
import io.livesubs.jobs.testing.CueShapes;
import io.livesubs.jobs.testing.SharedData;
import io.livesubs.jobs.testing.SpeechStreams;
import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.SubtitleCue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job (ordering, Silero VAD, Vosk, caption shaping) on a Flink mini cluster at
 * parallelism 2, on two streams of real recorded English speech: LibriVox audiobook clips and
 * Asterisk telephone prompts, each joined with 1 s of silence. Final cues must match the reference
 * transcripts (word error rate below {@value #MAX_WER} per stream), obey the shaping rules, lie
 * inside the audio, and each stream must end with its end-of-stream marker.
 */
class RecognitionITCase {

  /** Vosk small en-us reaches about 5-6 % on both streams here; a broken stage lands far above. */
  private static final double MAX_WER = 0.15;

  private static final long T0 = 1_700_000_000_000L;

  private static final List<String> LIBRIVOX =
      List.of("0870", "0880", "0890", "0920", "0930").stream()
          .map(n -> "speech/en/librivox_pocketsphinx/sense_and_sensibility_01_austen_64kb-" + n)
          .map(f -> f + ".wav")
          .toList();

  private static final List<String> ASTERISK =
      List.of(
              "ss-noservice",
              "privacy-unident",
              "conf-kicked",
              "tt-monkeysintro",
              "dir-nomore",
              "queue-thankyou")
          .stream()
          .map(n -> "speech/en/asterisk/" + n + ".wav")
          .toList();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  /**
   * One stream of joined clips and what was said in it.
   *
   * @param clipsMs media time spans {@code [start, end]} of the clips, ms
   */
  private record Spoken(String streamId, short[] audio, String reference, List<long[]> clipsMs) {}

  private static Spoken spoken(String streamId, List<String> files) throws Exception {
    Map<String, String> references = SharedData.references();
    List<short[]> clips = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<long[]> spans = new ArrayList<>();
    long at = 0;
    for (String file : files) {
      short[] clip = SharedData.wav("eval/" + file);
      clips.add(clip);
      texts.add(references.get(file));
      long ms = clip.length * 1000L / 16_000;
      spans.add(new long[] {at, at + ms});
      at += ms + 1000;
    }
    return new Spoken(
        streamId, SpeechStreams.join(clips, 1000), String.join(" ", texts), List.copyOf(spans));
  }

  @Test
  void realSpeechOnTwoStreamsBecomesCorrectWellShapedCues() throws Exception {
    SharedData.assumeSileroVad();
    SharedData.assumeVosk();
    List<Spoken> streams = List.of(spoken("librivox", LIBRIVOX), spoken("asterisk", ASTERISK));

    CollectingSink<SubtitleCue> cues = new CollectingSink<>("recognition-it");
    LivesubsJobConfig config =
        LivesubsJobConfig.builder()
            .bootstrapServers("unused:9092")
            .schemaRegistryUrl("http://unused:8081")
            .parallelism(2)
            .build();
    int records = streams.stream().mapToInt(s -> chunkCount(s.audio())).sum();
    LivesubsJob job =
        new LivesubsJob(
            config,
            new DataGeneratorSource<>(
                new SpeechRecords(streams), records, TypeInformation.of(DecodedAudio.class)),
            new DiscardingSink<DeadLetter>(),
            cues);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    job.configure(env);
    job.build(env);
    env.execute("recognition");

    for (Spoken s : streams) {
      checkStream(s, cues.received());
    }
  }

  private static void checkStream(Spoken s, List<SubtitleCue> all) {
    List<SubtitleCue> mine =
        all.stream().filter(c -> c.getStreamId().equals(s.streamId())).toList();
    List<SubtitleCue> ends = mine.stream().filter(CueConventions::isEndOfStream).toList();
    assertEquals(1, ends.size(), s.streamId() + ": one end marker");
    assertEquals(s.audio().length * 1000L / 16_000, ends.get(0).getEndMs());
    assertEquals(ends.get(0), mine.get(mine.size() - 1), "the end marker comes last");

    List<SubtitleCue> finals =
        mine.stream()
            .filter(c -> c.getIsFinal() && !CueConventions.isMarker(c) && !c.getLines().isEmpty())
            .sorted(Comparator.comparingLong(SubtitleCue::getStartMs))
            .toList();
    assertTrue(
        mine.stream().anyMatch(c -> !c.getIsFinal()), s.streamId() + ": partial cues were shown");
    String text = String.join(" ", finals.stream().flatMap(c -> c.getLines().stream()).toList());
    ErrorCounts wer = WordErrorRate.compare(s.reference(), text);
    System.out.printf(
        "%s: WER %.3f (%s) over %d final cues%n", s.streamId(), wer.rate(), wer, finals.size());
    assertTrue(wer.rate() < MAX_WER, s.streamId() + ": WER " + wer.rate() + " for '" + text + "'");

    List<ShapedCue> shaped = finals.stream().map(CueShapes::of).toList();
    assertEquals(
        List.of(),
        ShapingViolations.checkSequence(shaped, ShapingRules.defaults(), PhraseContext.none()),
        s.streamId());
    long audioMs = s.audio().length * 1000L / 16_000;
    long maxTrailMs = ShapingRules.defaults().maxTrailMs();
    for (SubtitleCue c : finals) {
      assertTrue(c.getStartMs() >= 0 && c.getStartMs() < audioMs, "cue inside audio: " + c);
      assertTrue(c.getEndMs() <= audioMs + maxTrailMs, "cue ends near the audio: " + c);
      assertTrue(insideAClip(s, c.getStartMs()), "cue starts during a clip (± 0.5 s): " + c);
      c.getWords()
          .forEach(
              w ->
                  assertTrue(
                      insideAClip(s, w.getStartMs()) && insideAClip(s, w.getEndMs()),
                      "word during a clip (± 0.5 s): " + w));
      assertEquals(T0 + c.getEndMs(), c.getCaptureTimeMs());
    }
  }

  private static boolean insideAClip(Spoken s, long ms) {
    return s.clipsMs().stream().anyMatch(span -> ms >= span[0] - 500 && ms <= span[1] + 500);
  }

  private static int chunkCount(short[] audio) {
    return (audio.length + SpeechStreams.CHUNK - 1) / SpeechStreams.CHUNK;
  }

  /**
   * The streams' chunks as the Kafka source would decode them, one stream after the other: the
   * generator source splits the index range into one contiguous part per reader, so each stream is
   * read in order by one reader.
   */
  static final class SpeechRecords implements GeneratorFunction<Long, DecodedAudio> {
    private static final long serialVersionUID = 1L;
    private final ArrayList<String> ids = new ArrayList<>();
    private final ArrayList<short[]> audio = new ArrayList<>();
    private transient List<PcmChunk> chunks;

    SpeechRecords(List<Spoken> streams) {
      streams.forEach(
          s -> {
            ids.add(s.streamId());
            audio.add(s.audio());
          });
    }

    @Override
    public DecodedAudio map(Long index) {
      if (chunks == null) {
        chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
          chunks.addAll(SpeechStreams.chunks(ids.get(i), audio.get(i), T0, "en"));
        }
      }
      PcmChunk chunk = chunks.get(index.intValue());
      return DecodedAudio.accepted(
          "livesubs.audio", 0, index, chunk.streamId().getBytes(StandardCharsets.UTF_8), chunk);
    }
  }
}
