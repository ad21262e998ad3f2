package io.livesubs.app.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.demo.CueCollector;
import io.livesubs.app.demo.CueConsumer;
import io.livesubs.app.demo.CueRevision;
import io.livesubs.app.demo.CueRevision.TimelineKey;
import io.livesubs.app.demo.DeadLetterCount;
import io.livesubs.app.demo.JobCounters;
import io.livesubs.app.demo.MediaFile;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.app.testing.CliRun;
import io.livesubs.app.testing.ReferenceSegments;
import io.livesubs.app.testing.SharedFiles;
import io.livesubs.app.testing.TestAudio;
import io.livesubs.inference.eval.ErrorCounts;
import io.livesubs.inference.eval.WordErrorRate;
import io.livesubs.ingest.AudioChunkProducer;
import io.livesubs.ingest.IngestRunner;
import io.livesubs.ingest.audio.WavFileSource;
import io.livesubs.ingest.fault.FaultConfig;
import io.livesubs.ingest.fault.FaultReport;
import io.livesubs.jobs.LivesubsJobConfig;
import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.captions.ShapingViolations;
import io.livesubs.jobs.captions.TimedWord;
import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline through Kafka with the real models: the first minute of the shared long-form
 * English recording ({@code eval/longform/en_dev_mix.wav}: LibriVox readings, a meeting, phone
 * prompts) is ingested {@code --fast} as stream {@code clean}, and again with 3 % of its chunks
 * replaced by corrupt bytes as stream {@code corrupt}; the livesubs job runs on the local stack's
 * Flink; a {@code read_committed} consumer collects the cues. Stream {@code corrupt} is produced
 * with the library, whose {@link FaultReport} says which chunks were corrupted.
 *
 * <p>Checked: word error rate of the final cues against the reference, the shaping rules of every
 * final cue ({@link ShapingViolations#checkSequence}), cue and word times against the reference
 * segments, and the corrupt records in the dead-letter topic while the corrupted stream's captions
 * keep their timing and text.
 */
class JobEndToEndITCase {

  /** Cut in the silence after the segment ending at 60.327 s. */
  private static final long CUT_MS = 60_827;

  /** Measured 0.094 with Vosk small en-us 0.15 on this cut (12 errors in 128 words). */
  private static final double MAX_WER = 0.20;

  /**
   * Corrupted chunks take out 200 ms of audio each; this much more error is allowed for it
   * (measured: 0.156 with the 3 % corruption below, 0.062 more than without).
   */
  private static final double MAX_EXTRA_WER_WITH_CORRUPTION = 0.10;

  private static final Logger LOG = LoggerFactory.getLogger(JobEndToEndITCase.class);
  private static final long SLACK_MS = 500;
  private static final Duration END_TIMEOUT = Duration.ofMinutes(8);

  @TempDir static Path dir;
  private static ReferenceSegments reference;
  private static LocalStack stack;
  private static CueCollector cues;
  private static CueConsumer consumer;
  private static JobClient job;
  private static FaultReport corruption;

  @BeforeAll
  static void runThePipeline() throws Exception {
    Path mix = SharedFiles.require("eval/longform/en_dev_mix.wav");
    reference =
        ReferenceSegments.read(SharedFiles.require("eval/longform/en_dev_mix.segments.tsv"))
            .endingBy(CUT_MS);
    Path cut = dir.resolve("en_dev_mix_60s.wav");
    MediaFile.write(TestAudio.firstSamples(WavFileSource.open(mix), CUT_MS * 16), cut);

    stack = LocalStack.builder().ephemeralPorts().partitions(2).slots(2).start();
    cues = new CueCollector(null, null);
    consumer =
        CueConsumer.start(stack.bootstrapServers(), stack.registryUrl(), Topics.CUES, cues::accept);
    LivesubsJobConfig config =
        LivesubsJobConfig.builder()
            .bootstrapServers(stack.bootstrapServers())
            .schemaRegistryUrl(stack.registryUrl())
            .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .checkpointInterval(Duration.ofSeconds(1))
            .parallelism(2)
            .build();
    try {
      job = JobSubmission.submit(stack.streamEnvironment(), config);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("the recognition stages are not in the installed flink-jobs: " + e);
    }

    CliRun clean =
        CliRun.of(
            "ingest",
            "--stream-id",
            "clean",
            "--input",
            cut.toString(),
            "--fast",
            "--language",
            "en",
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry",
            stack.registryUrl());
    assertEquals(0, clean.exitCode(), clean.err());
    long startEpochMs = System.currentTimeMillis();
    corruption = ingest(cut, "corrupt", new FaultConfig(0, 0, 0, 0.03, 5), startEpochMs);
    assertFalse(corruption.corrupted().isEmpty(), "the seed should corrupt chunks");
    // Live, other streams keep the event-time clock going; here nothing would follow these two,
    // and a chunk missing near the end of "corrupt" would wait for the watermark for ever. A
    // stream starting after the others have ended moves the watermark past them.
    Path silence = TestAudio.wav(dir.resolve("silence.wav"), new short[16_000]);
    ingest(silence, "ticker", FaultConfig.none(), startEpochMs + CUT_MS + 10_000);

    assertTrue(
        cues.awaitEnded(List.of("clean", "corrupt"), END_TIMEOUT),
        "no end-of-stream marker within "
            + END_TIMEOUT
            + " from "
            + cues.notEnded(List.of("clean", "corrupt")));
  }

  private static FaultReport ingest(
      Path wav, String streamId, FaultConfig faults, long startEpochMs) throws Exception {
    try (WavFileSource source = WavFileSource.open(wav);
        AudioChunkProducer producer =
            AudioChunkProducer.builder()
                .bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.registryUrl())
                .streamId(streamId)
                .languageHint("en")
                .faults(faults)
                .streamStartEpochMs(startEpochMs)
                .build()) {
      new IngestRunner(
              source,
              List.of(producer),
              AudioChunkProducer.DEFAULT_CHUNK_MS,
              null,
              null,
              System::nanoTime)
          .run();
      return producer.stats().faults();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (job != null) {
      job.cancel().get(1, TimeUnit.MINUTES);
    }
    if (consumer != null) {
      consumer.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static List<CueRevision> finals(String stream) {
    List<CueRevision> finals = cues.finalCues().get(new TimelineKey(stream, "en"));
    assertTrue(finals != null && !finals.isEmpty(), "no final English cues of " + stream);
    return finals;
  }

  private static ErrorCounts wer(String stream) {
    String hypothesis =
        finals(stream).stream().map(CueRevision::text).collect(Collectors.joining(" "));
    ErrorCounts errors = WordErrorRate.compare(reference.text(), hypothesis);
    LOG.info("{}: WER {} ({})", stream, errors.rate(), errors);
    return errors;
  }

  @Test
  void finalCaptionsMatchTheReference() {
    ErrorCounts errors = wer("clean");
    assertTrue(
        errors.rate() < MAX_WER,
        "WER " + errors.rate() + " (" + errors + ") >= " + MAX_WER + "; cues: " + finals("clean"));
  }

  @Test
  void everyFinalCueKeepsTheShapingRules() {
    for (String stream : List.of("clean", "corrupt")) {
      List<ShapedCue> shaped = new ArrayList<>();
      for (CueRevision cue : finals(stream)) {
        shaped.add(new ShapedCue(cue.startMs(), cue.endMs(), cue.lines(), words(cue)));
      }
      assertEquals(
          List.of(),
          ShapingViolations.checkSequence(shaped, ShapingRules.defaults()),
          stream + ": " + shaped);
    }
  }

  @Test
  void cueAndWordTimesLieInsideTheReferenceSegments() {
    for (String stream : List.of("clean", "corrupt")) {
      for (CueRevision cue : finals(stream)) {
        List<TimedWord> words = words(cue);
        assertFalse(words.isEmpty(), "final cues of speech carry word times: " + cue);
        long speechStart = words.get(0).startMs();
        long speechEnd = words.get(words.size() - 1).endMs();
        ReferenceSegments.Segment segment =
            reference
                .covering(speechStart, speechEnd, SLACK_MS)
                .orElseThrow(
                    () -> new AssertionError(stream + ": words outside every segment: " + cue));
        assertTrue(
            segment.covers(cue.startMs(), cue.startMs(), SLACK_MS),
            stream + ": cue starts outside " + segment + ": " + cue);
        // A caption may stay up to maxTrailMs (BBC: 1.5 s) after the speech it shows.
        long trail = ShapingRules.defaults().maxTrailMs();
        assertTrue(
            cue.endMs() <= segment.endMs() + trail + SLACK_MS,
            stream + ": cue ends more than the trail after " + segment + ": " + cue);
      }
    }
  }

  @Test
  void corruptRecordsLandInTheDeadLetterTopicWithTheirReason() {
    int expected = corruption.corrupted().size();
    List<DeadLetter> letters =
        DeadLetters.await(
            stack.bootstrapServers(),
            stack.registryUrl(),
            letter -> "corrupt".equals(keyOf(letter)),
            expected,
            Duration.ofSeconds(60));
    assertEquals(expected, letters.size(), "one dead letter per corrupted chunk: " + letters);
    for (DeadLetter letter : letters) {
      assertEquals("DECODE_FAILED", letter.getReasonCode().toString(), letter.toString());
      assertFalse(letter.getReason().toString().isBlank(), "a reason in words: " + letter);
      assertEquals(Topics.AUDIO, letter.getSourceTopic().toString());
    }
    assertTrue(
        DeadLetters.await(
                stack.bootstrapServers(),
                stack.registryUrl(),
                letter -> "clean".equals(keyOf(letter)),
                0,
                Duration.ofSeconds(5))
            .isEmpty(),
        "the clean stream has no dead letters");
  }

  @Test
  void theJobsCountersShowTheCorruptedChunksAsGapsAndDeadLetters() throws Exception {
    List<Long> corrupted = corruption.corrupted();
    DeadLetters.await(
        stack.bootstrapServers(),
        stack.registryUrl(),
        letter -> true,
        corrupted.size(),
        Duration.ofSeconds(60));
    JobCounters counters =
        JobCounters.read(
            stack.flinkWebUrl(),
            job.getJobID().toHexString(),
            3,
            DeadLetterCount.byReason(
                stack.bootstrapServers(),
                stack.registryUrl(),
                Topics.AUDIO_DLQ,
                Duration.ofSeconds(30)),
            Duration.ofSeconds(30));
    long runs = 0;
    for (int i = 0; i < corrupted.size(); i++) {
      if (i == 0 || corrupted.get(i) != corrupted.get(i - 1) + 1) {
        runs++;
      }
    }
    assertEquals(3, counters.streamsEnded(), counters.toString());
    assertEquals(corrupted.size(), counters.missingChunks(), counters.toString());
    assertEquals(runs, counters.gaps(), "one gap per run of corrupted chunks: " + counters);
    assertEquals(0, counters.duplicateChunks(), counters.toString());
    assertEquals(0, counters.lateChunks(), counters.toString());
    assertEquals(Map.of("DECODE_FAILED", (long) corrupted.size()), counters.deadLetters());
  }

  @Test
  void theCorruptedStreamKeepsItsCaptions() {
    double clean = wer("clean").rate();
    ErrorCounts corrupt = wer("corrupt");
    assertTrue(
        corrupt.rate() <= clean + MAX_EXTRA_WER_WITH_CORRUPTION,
        "WER with corruption " + corrupt.rate() + " vs " + clean + " clean: " + corrupt);
  }

  private static String keyOf(DeadLetter letter) {
    if (letter.getKey() == null) {
      return null;
    }
    byte[] bytes = new byte[letter.getKey().remaining()];
    letter.getKey().duplicate().get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The word times of a final cue as the shaping checks see them. */
  private static List<TimedWord> words(CueRevision cue) {
    return cue.words().stream().map(w -> new TimedWord(w.text(), w.startMs(), w.endMs())).toList();
  }
}
