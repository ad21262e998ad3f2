package io.livesubs.jobs.speech.whisper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.LivesubsJob;
import io.livesubs.jobs.LivesubsJobConfig;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job with {@code asr.engine=whisper} on a Flink mini cluster at parallelism 2, on the
 * tiny-shaped stand-in model (random weights, real architecture) and real recorded speech from the
 * shared evaluation data: several streams decoded concurrently through the JVM's one batch service.
 *
 * <ul>
 *   <li>Deterministic: two runs give the same cues (every field but the emission time).
 *   <li>No cross-talk: a stream decoded alone gives the same cues as together with the others,
 *       although its windows then share batches with other streams' windows (the random model's
 *       text depends on the audio, so a row mix-up would change it), and each stream's cues lie
 *       inside its own audio, whose lengths differ.
 *   <li>Cues obey the shaping rules, and every stream ends with its end marker.
 *   <li>Backpressure: with {@code asr.whisper.capacity=2} and one window per model call, no subtask
 *       ever has more than 2 windows in flight (it does reach 2), and the source is held back: most
 *       cues come out before the source has produced the last chunk, which without backpressure it
 *       would produce long before the first decode finishes. Network buffers are made small here so
 *       that what sits in them is a few seconds of audio, not a whole stream.
 * </ul>
 */
class WhisperJobITCase {

  private static final long T0 = 1_700_000_000_000L;
  private static final String ASTERISK = "eval/speech/en/asterisk/";

  private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .setConfiguration(clusterConfig())
              .build());

  /** When the source produced each chunk, by run and index (the mini cluster runs in this JVM). */
  private static final Map<String, Long> PRODUCED_AT = new ConcurrentHashMap<>();

  private static Configuration clusterConfig() {
    Configuration c = REPORTER.addToConfiguration(new Configuration());
    c.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, MemorySize.parse("4kb"));
    return c;
  }

  /** A stream of joined clips; its language hint steers the decoder's prompt. */
  private record Stream(String id, String language, short[] audio) {}

  private static Stream stream(String id, String language, String... clips) throws Exception {
    List<short[]> audio = new ArrayList<>();
    for (String clip : clips) {
      audio.add(SharedData.wav(ASTERISK + clip + ".wav"));
    }
    return new Stream(id, language, SpeechStreams.join(audio, 1000));
  }

  /**
   * Three streams of different lengths and language hints: the hint is part of every window's
   * prompt, so the random model writes different text for each stream, and a window decoded in
   * another stream's row would show it.
   */
  private static List<Stream> streams() throws Exception {
    return List.of(
        stream("two-prompts", "en", "conf-kicked", "conf-hasjoin"),
        stream("one-long-prompt", "de", "agent-alreadyon"),
        stream("three-prompts", "fr", "conf-noempty", "conf-waitforleader", "conf-onlyperson"));
  }

  @Test
  void streamsDecodedTogetherGiveDeterministicWellShapedCuesWithoutCrossTalk() throws Exception {
    SharedData.assumeSileroVad();
    Path model = StandInWhisper.tiny();
    List<Stream> streams = streams();
    Map<String, String> options = options(model, "2000", "16", "8", "30");

    Map<String, List<String>> first = byStream(run("together-1", streams, options).cues());
    Map<String, List<String>> second = byStream(run("together-2", streams, options).cues());
    assertEquals(first, second, "two runs give the same cues");
    Stream alone = streams.get(2);
    Map<String, List<String>> solo = byStream(run("alone", List.of(alone), options).cues());
    assertEquals(first.get(alone.id()), solo.get(alone.id()), "alone as together");

    Map<String, String> texts = new TreeMap<>();
    for (Stream s : streams) {
      texts.put(s.id(), finalText(first.get(s.id())));
      assertFalse(texts.get(s.id()).isBlank(), s.id() + ": final text");
    }
    assertEquals(3, new java.util.HashSet<>(texts.values()).size(), "streams differ: " + texts);
  }

  @Test
  void aSaturatedEngineBoundsWhatIsInFlightAndHoldsTheSourceBack() throws Exception {
    SharedData.assumeSileroVad();
    Path model = StandInWhisper.tiny();
    List<Stream> streams =
        List.of(
            stream("long-a", "en", "conf-adminmenu"), stream("long-b", "en", "conf-usermenu-162"));
    Map<String, String> options = options(model, "1000", "1", "2", "20");
    Run run = run("saturated", streams, options);

    List<Long> inFlight = gauges(run.job(), "whisperMaxInFlight");
    assertEquals(2, inFlight.size(), "one decode subtask each: " + inFlight);
    for (long n : inFlight) {
      assertTrue(n <= 2, "in flight beyond the capacity: " + inFlight);
    }
    assertTrue(inFlight.contains(2L), "the engine was saturated: " + inFlight);

    long sourceDone =
        PRODUCED_AT.entrySet().stream()
            .filter(e -> e.getKey().startsWith("saturated/"))
            .mapToLong(Map.Entry::getValue)
            .max()
            .orElseThrow();
    List<SubtitleCue> content =
        run.cues().stream().filter(c -> !CueConventions.isMarker(c)).toList();
    long before = content.stream().filter(c -> c.getEmittedAtMs() < sourceDone).count();
    System.out.printf(
        "saturated: %d of %d cues emitted before the source's last chunk; max in flight %s%n",
        before, content.size(), inFlight);
    assertFalse(content.isEmpty());
    assertTrue(
        before * 2 > content.size(),
        "the source ran ahead of the decoder: only " + before + " of " + content.size());
  }

  private static Map<String, String> options(
      Path model, String stepMs, String maxBatch, String capacity, String maxTokens) {
    Map<String, String> o = new TreeMap<>();
    o.put("asr.engine", "whisper");
    o.put("asr.model-dir", model.toString());
    o.put("asr.whisper.step-ms", stepMs);
    o.put("asr.whisper.max-batch", maxBatch);
    o.put("asr.whisper.max-wait-ms", "20");
    o.put("asr.whisper.capacity", capacity);
    o.put("asr.whisper.max-tokens", maxTokens);
    // The random model is never confident; the default threshold would drop all its text.
    o.put("asr.whisper.min-avg-logprob", "-Infinity");
    return o;
  }

  private record Run(JobID job, List<SubtitleCue> cues) {}

  private static Run run(String name, List<Stream> streams, Map<String, String> options)
      throws Exception {
    LivesubsJobConfig.Builder config =
        LivesubsJobConfig.builder()
            .bootstrapServers("unused:9092")
            .schemaRegistryUrl("http://unused:8081")
            .parallelism(2);
    options.forEach(config::recognitionOption);
    CollectingSink<SubtitleCue> sink = new CollectingSink<>("whisper-" + name);
    int records = 0;
    for (Stream s : streams) {
      records += (s.audio().length + SpeechStreams.CHUNK - 1) / SpeechStreams.CHUNK;
    }
    LivesubsJob job =
        new LivesubsJob(
            config.build(),
            new DataGeneratorSource<>(
                new Records(name, streams), records, TypeInformation.of(DecodedAudio.class)),
            new DiscardingSink<DeadLetter>(),
            sink);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    job.configure(env);
    job.build(env);
    long started = System.nanoTime();
    JobID id = env.execute("whisper-" + name).getJobID();
    List<SubtitleCue> cues = sink.received();
    System.out.printf(
        "%s: %.1f s, windows decoded %s, batch size mean %s, decode ms %s, rtf %s%n",
        name,
        (System.nanoTime() - started) / 1e9,
        REPORTER.findMetrics(id, "whisperWindows").values().stream()
            .map(m -> ((org.apache.flink.metrics.Counter) m).getCount())
            .toList(),
        gaugeValues(id, "whisperBatchSizeMean"),
        gaugeValues(id, "whisperDecodeMs"),
        gaugeValues(id, "whisperRealTimeFactor"));
    for (Stream s : streams) {
      List<SubtitleCue> mine =
          cues.stream().filter(c -> c.getStreamId().toString().equals(s.id())).toList();
      System.out.printf(
          "  %s: %d cues, finals: %s%n",
          s.id(),
          mine.size(),
          mine.stream()
              .filter(c -> c.getIsFinal() && !CueConventions.isMarker(c))
              .map(c -> String.join(" / ", c.getLines()))
              .toList());
    }
    for (Stream s : streams) {
      checkStream(s, cues);
    }
    return new Run(id, cues);
  }

  /** End marker last, content cues inside the stream's own audio, final cues well shaped. */
  private static void checkStream(Stream s, List<SubtitleCue> all) {
    List<SubtitleCue> mine = all.stream().filter(c -> c.getStreamId().equals(s.id())).toList();
    long audioMs = s.audio().length * 1000L / SpeechStreams.RATE;
    SubtitleCue last = mine.get(mine.size() - 1);
    assertTrue(CueConventions.isEndOfStream(last), s.id() + ": end marker last");
    assertEquals(audioMs, last.getEndMs(), s.id());
    assertEquals(1, mine.stream().filter(CueConventions::isEndOfStream).count(), s.id());
    List<SubtitleCue> finals =
        mine.stream()
            .filter(c -> c.getIsFinal() && !CueConventions.isMarker(c) && !c.getLines().isEmpty())
            .sorted(Comparator.comparingLong(SubtitleCue::getStartMs))
            .toList();
    assertFalse(finals.isEmpty(), s.id() + ": the forced-lenient model wrote text");
    for (SubtitleCue c : mine) {
      if (!CueConventions.isMarker(c)) {
        assertTrue(c.getStartMs() >= 0 && c.getStartMs() < audioMs, s.id() + ": inside " + c);
        c.getWords()
            .forEach(w -> assertTrue(w.getEndMs() <= audioMs, s.id() + ": word inside: " + w));
        assertEquals("whisper", c.getEngine().toString().split(":")[0], c.toString());
      }
    }
    List<ShapedCue> shaped = finals.stream().map(CueShapes::of).toList();
    assertEquals(
        List.of(),
        ShapingViolations.checkSequence(shaped, ShapingRules.defaults(), PhraseContext.none()),
        s.id());
  }

  /** Each stream's cues, every field but the emission time, in emission order. */
  private static Map<String, List<String>> byStream(List<SubtitleCue> cues) {
    Map<String, List<String>> out = new TreeMap<>();
    for (SubtitleCue c : cues) {
      SubtitleCue copy = SubtitleCue.newBuilder(c).setEmittedAtMs(0).build();
      String kind = c.getIsFinal() ? "final " : "partial ";
      out.computeIfAbsent(c.getStreamId().toString(), k -> new ArrayList<>()).add(kind + copy);
    }
    return out;
  }

  /** The lines of a stream's final content cues, from {@link #byStream}'s strings. */
  private static String finalText(List<String> cues) {
    return String.join(
        " | ",
        cues.stream()
            .filter(c -> c.startsWith("final ") && c.contains("\"lines\": [\""))
            .map(c -> c.substring(c.indexOf("\"lines\": [")))
            .map(c -> c.substring(0, c.indexOf(']') + 1))
            .toList());
  }

  private static List<String> gaugeValues(JobID job, String name) {
    return REPORTER.findMetrics(job, name).values().stream()
        .map(m -> String.format("%.2f", ((Number) ((Gauge<?>) m).getValue()).doubleValue()))
        .toList();
  }

  private static List<Long> gauges(JobID job, String name) {
    List<Long> out = new ArrayList<>();
    for (Map.Entry<String, Metric> e : REPORTER.findMetrics(job, name).entrySet()) {
      out.add(((Number) ((Gauge<?>) e.getValue()).getValue()).longValue());
    }
    return out;
  }

  /** The streams' chunks one stream after the other, noting when each was produced. */
  static final class Records implements GeneratorFunction<Long, DecodedAudio> {
    private static final long serialVersionUID = 1L;
    private final String run;
    private final ArrayList<String> ids = new ArrayList<>();
    private final ArrayList<String> languages = new ArrayList<>();
    private final ArrayList<short[]> audio = new ArrayList<>();
    private transient List<PcmChunk> chunks;

    Records(String run, List<Stream> streams) {
      this.run = run;
      streams.forEach(
          s -> {
            ids.add(s.id());
            languages.add(s.language());
            audio.add(s.audio());
          });
    }

    @Override
    public DecodedAudio map(Long index) {
      if (chunks == null) {
        chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
          chunks.addAll(SpeechStreams.chunks(ids.get(i), audio.get(i), T0, languages.get(i)));
        }
      }
      PRODUCED_AT.put(run + "/" + index, System.currentTimeMillis());
      PcmChunk chunk = chunks.get(index.intValue());
      return DecodedAudio.accepted(
          "livesubs.audio", 0, index, chunk.streamId().getBytes(StandardCharsets.UTF_8), chunk);
    }
  }
}
