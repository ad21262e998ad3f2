package io.livesubs.app.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.demo.MediaFile;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.app.testing.CliRun;
import io.livesubs.app.testing.SharedFiles;
import io.livesubs.app.testing.TestAudio;
import io.livesubs.inference.mt.apertium.ApertiumInstallation;
import io.livesubs.ingest.AudioChunkProducer;
import io.livesubs.ingest.IngestRunner;
import io.livesubs.ingest.Pacer;
import io.livesubs.ingest.audio.WavFileSource;
import io.livesubs.jobs.LivesubsJobConfig;
import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-stream targets change live, through Kafka: a stream of real English speech is ingested at
 * live pace while the job runs with translation on and no default targets; once its first phrase
 * has been captioned, {@code livesubs stream-config talk --targets es} asks for Spanish, and three
 * phrases later {@code --reset} withdraws it again. The translator is the real Apertium pair.
 *
 * <p>Checked on the cue topic: the switch happens at phrase boundaries (a run of consecutive
 * phrases is translated, each of them wholly, none before the first change, none after the phrases
 * that started after the reset), no source or translated cue is lost or duplicated, every Spanish
 * cue names an English source cue of its phrase and lies inside that phrase's span.
 */
class StreamConfigChangeITCase {

  private static final String STREAM = "talk";

  /** Cut in the silence after the segment ending at 60.327 s. */
  private static final long CUT_MS = 60_827;

  private static final Duration TIMEOUT = Duration.ofMinutes(4);

  @TempDir static Path dir;
  private static LocalStack stack;
  private static CueTopic cues;
  private static JobClient job;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        ApertiumInstallation.system().resolve("en", "es").isPresent(),
        "Apertium en→es is not installed (apt-get install apertium apertium-eng-spa)");
    Path mix = SharedFiles.require("eval/longform/en_dev_mix.wav");
    Path cut = dir.resolve("talk.wav");
    MediaFile.write(TestAudio.firstSamples(WavFileSource.open(mix), CUT_MS * 16), cut);

    stack = LocalStack.builder().ephemeralPorts().partitions(2).slots(2).start();
    cues = CueTopic.start(stack.bootstrapServers(), stack.registryUrl());
    LivesubsJobConfig config =
        LivesubsJobConfig.builder()
            .bootstrapServers(stack.bootstrapServers())
            .schemaRegistryUrl(stack.registryUrl())
            .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .checkpointInterval(Duration.ofSeconds(1))
            .parallelism(2)
            .translationOption("translation.enabled", "true")
            .build();
    job = JobSubmission.submit(stack.streamEnvironment(), config);

    CompletableFuture<Void> ingest = CompletableFuture.runAsync(() -> ingestLive(cut));
    int firstPhrase = cues.awaitProgressMarkers(STREAM, 1, TIMEOUT);
    configure("--targets", "es");
    cues.awaitProgressMarkers(STREAM, firstPhrase + 3, TIMEOUT);
    configure("--reset");
    ingest.get(2, TimeUnit.MINUTES);
    assertTrue(cues.awaitEnd(STREAM, "en", TIMEOUT), "no English end-of-stream marker");
    assertTrue(cues.awaitEnd(STREAM, "es", TIMEOUT), "no Spanish end-of-stream marker");
  }

  private static void configure(String... options) {
    List<String> args = new ArrayList<>(List.of("stream-config", STREAM));
    args.addAll(List.of(options));
    args.addAll(
        List.of(
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry",
            stack.registryUrl()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
  }

  private static void ingestLive(Path wav) {
    try (WavFileSource source = WavFileSource.open(wav);
        AudioChunkProducer producer =
            AudioChunkProducer.builder()
                .bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.registryUrl())
                .streamId(STREAM)
                .languageHint("en")
                .build()) {
      new IngestRunner(
              source,
              List.of(producer),
              AudioChunkProducer.DEFAULT_CHUNK_MS,
              Pacer.realtime(),
              null,
              System::nanoTime)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("ingest failed", e);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (job != null) {
      job.cancel().get(1, TimeUnit.MINUTES);
    }
    if (cues != null) {
      cues.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void targetsSwitchAtPhraseBoundariesWithNothingLostOrDuplicated() {
    List<SubtitleCue> english = cues.finals(STREAM, "en");
    List<SubtitleCue> spanish = cues.finals(STREAM, "es");
    assertNoDuplicates(english);
    assertNoDuplicates(spanish);
    List<Phrase> phrases = Phrase.split(cues.timeline(STREAM, "en"));
    assertTrue(phrases.size() >= 6, "the talk should make several phrases: " + phrases.size());

    Set<Integer> translated = new HashSet<>();
    long previousEnd = Long.MIN_VALUE;
    for (SubtitleCue cue : spanish) {
      assertTrue(
          cue.getStartMs() >= previousEnd,
          "Spanish cues follow each other without overlap (no phrase translated twice): " + cue);
      previousEnd = cue.getEndMs();
      assertNotNull(cue.getSourceCue(), "a Spanish cue names its source: " + cue);
      assertEquals("en", cue.getSourceCue().getLanguage().toString());
      int phrase = Phrase.indexOf(phrases, cue.getSourceCue().getCueSeq());
      assertTrue(phrase >= 0, "the source cue of " + cue + " is an English final cue");
      Phrase p = phrases.get(phrase);
      assertTrue(
          cue.getStartMs() >= p.startMs() && cue.getEndMs() <= p.endMs(),
          "Spanish cue " + cue + " lies inside its phrase " + p);
      translated.add(phrase);
    }
    int first = translated.stream().min(Integer::compare).orElseThrow();
    int last = translated.stream().max(Integer::compare).orElseThrow();
    assertEquals(
        last - first + 1,
        translated.size(),
        "one run of consecutive phrases is translated, got " + translated);
    assertTrue(first >= 1, "the phrase captioned before the change stays English only");
    assertTrue(
        last < phrases.size() - 1,
        "phrases after the reset are not translated: " + translated + " of " + phrases.size());
  }

  private static void assertNoDuplicates(List<SubtitleCue> finals) {
    Set<Long> seqs = new HashSet<>();
    for (SubtitleCue cue : finals) {
      assertTrue(seqs.add(cue.getCueSeq()), "final cue delivered twice: " + cue);
    }
    assertTrue(
        finals.stream().noneMatch(c -> c.getCueSeq() == CueConventions.END_OF_STREAM_CUE_SEQ),
        "markers are not cues");
  }
}
