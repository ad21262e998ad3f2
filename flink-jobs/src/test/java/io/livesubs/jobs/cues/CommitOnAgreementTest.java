package io.livesubs.jobs.cues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.eval.WordErrorRate;
import io.livesubs.jobs.captions.PhraseContext;
import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.captions.ShapingViolations;
import io.livesubs.jobs.speech.AsrSettings;
import io.livesubs.jobs.speech.Recognition;
import io.livesubs.jobs.speech.SpeechAudio;
import io.livesubs.jobs.speech.SpeechRecognizer;
import io.livesubs.jobs.testing.CueShapes;
import io.livesubs.jobs.testing.KeyedHarness;
import io.livesubs.jobs.testing.SharedData;
import io.livesubs.jobs.testing.SpeechStreams;
import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.flink.AvroSpecificTypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Early commits on real speech: {@link SpeechRecognizer} (real Vosk model) feeding {@link
 * CueEmitter}, both in Flink's keyed harness, over one long speech segment of five LibriVox clips
 * read one after another (about 26 s, 250 ms between clips, as a VAD keeps a continuous reading in
 * one segment).
 */
class CommitOnAgreementTest {

  private static final String DIR = "eval/speech/en/librivox_pocketsphinx/";
  private static final List<String> CLIPS =
      List.of("0870", "0880", "0890", "0920", "0930").stream()
          .map(n -> "sense_and_sensibility_01_austen_64kb-" + n + ".wav")
          .toList();
  private static final long ANCHOR = 1_700_000_000_000L;
  private static final long START = 16_000; // the segment starts 1 s into the stream
  private static final ShapingRules RULES = ShapingRules.defaults();
  private static List<SpeechAudio> input;
  private static int endSegmentIndex;
  private static String reference;

  @BeforeAll
  static void load() throws Exception {
    SharedData.assumeVosk();
    List<short[]> clips = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    Map<String, String> all = SharedData.references();
    for (String clip : CLIPS) {
      clips.add(SharedData.wav(DIR + clip));
      refs.add(all.get(DIR.substring("eval/".length()) + clip));
    }
    reference = String.join(" ", refs);
    short[] audio = SpeechStreams.join(clips, 250);
    input = new ArrayList<>();
    input.add(SpeechAudio.start("s", START, 16_000, ANCHOR, "en"));
    for (int at = 0; at < audio.length; at += SpeechStreams.CHUNK) {
      short[] block =
          Arrays.copyOfRange(audio, at, Math.min(audio.length, at + SpeechStreams.CHUNK));
      input.add(SpeechAudio.audio("s", START, START + at, 16_000, block, ANCHOR, "en"));
    }
    long end = START + audio.length;
    endSegmentIndex = input.size();
    input.add(SpeechAudio.endSegment("s", START, end, 16_000, ANCHOR, "en"));
    input.add(SpeechAudio.endStream("s", end + 16_000, 16_000, ANCHOR, "en"));
  }

  /** A cue and the input element whose processing emitted it. */
  record Emitted(SubtitleCue cue, int inputIndex) {}

  /** The two stages, chained by hand so every cue can be traced to the input that caused it. */
  static final class Pipeline implements AutoCloseable {
    final KeyedHarness<SpeechAudio, Recognition> asr;
    final KeyedHarness<Recognition, SubtitleCue> cues;
    final List<Emitted> out = new ArrayList<>();
    private int seenRecognitions;
    private int seenCues;

    Pipeline(CommitSettings commit, OperatorSubtaskState[] state) throws Exception {
      asr =
          KeyedHarness.open(
              new SpeechRecognizer(AsrSettings.defaults()),
              SpeechAudio::streamId,
              TypeInformation.of(Recognition.class),
              state == null ? null : state[0]);
      cues =
          KeyedHarness.open(
              new CueEmitter(RULES, commit),
              Recognition::streamId,
              new AvroSpecificTypeInfo<>(SubtitleCue.class),
              state == null ? null : state[1]);
    }

    void run(int from, int to) throws Exception {
      for (int i = from; i < to; i++) {
        asr.send(input.get(i));
        List<Recognition> recognised = asr.output();
        for (Recognition r : recognised.subList(seenRecognitions, recognised.size())) {
          cues.send(r);
        }
        seenRecognitions = recognised.size();
        List<SubtitleCue> emitted = cues.output();
        for (SubtitleCue c : emitted.subList(seenCues, emitted.size())) {
          out.add(new Emitted(c, i));
        }
        seenCues = emitted.size();
      }
    }

    OperatorSubtaskState[] snapshot() throws Exception {
      return new OperatorSubtaskState[] {asr.snapshot(), cues.snapshot()};
    }

    @Override
    public void close() throws Exception {
      try (asr) {
        cues.close();
      }
    }
  }

  private static List<Emitted> run(CommitSettings commit) throws Exception {
    try (Pipeline p = new Pipeline(commit, null)) {
      p.run(0, input.size());
      return p.out;
    }
  }

  private static List<Emitted> finals(List<Emitted> out) {
    return out.stream()
        .filter(e -> e.cue().getIsFinal() && !CueConventions.isMarker(e.cue()))
        .filter(e -> !e.cue().getLines().isEmpty())
        .toList();
  }

  private static String text(List<Emitted> finals) {
    return String.join(" ", finals.stream().flatMap(e -> e.cue().getLines().stream()).toList());
  }

  /** Media time of the audio whose processing emitted the cue, minus its last word's end. */
  private static long[] latencies(List<Emitted> finals) {
    return finals.stream()
        .mapToLong(
            e -> {
              SpeechAudio in = input.get(e.inputIndex());
              long emittedAt =
                  in.kind() == SpeechAudio.Kind.AUDIO
                      ? (in.mediaMs() + in.samples().length * 1000L / 16_000)
                      : in.mediaMs();
              long lastWordEnd =
                  e.cue().getWords().stream().mapToLong(w -> w.getEndMs()).max().orElseThrow();
              return emittedAt - lastWordEnd;
            })
        .sorted()
        .toArray();
  }

  /** The {@code p} quantile of ascending {@code sorted} (nearest rank). */
  static long percentile(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  @Test
  void agreedPrefixesBecomeFinalBeforeTheSegmentEndsAndKeepTheRules() throws Exception {
    List<Emitted> segmentOut = run(CommitSettings.segmentOnly());
    List<Emitted> agreementOut = run(CommitSettings.defaults());
    List<Emitted> segmentFinals = finals(segmentOut);
    List<Emitted> agreementFinals = finals(agreementOut);

    assertTrue(
        segmentFinals.stream().allMatch(e -> e.inputIndex() == endSegmentIndex),
        "segment policy: every final cue waits for the segment's end");
    long early = agreementFinals.stream().filter(e -> e.inputIndex() < endSegmentIndex).count();
    assertTrue(
        early >= agreementFinals.size() / 2,
        early + " of " + agreementFinals.size() + " final cues before the segment ended");

    double segmentWer = WordErrorRate.compare(reference, text(segmentFinals)).rate();
    double agreementWer = WordErrorRate.compare(reference, text(agreementFinals)).rate();
    assertTrue(
        agreementWer <= segmentWer + 0.03,
        "WER agreement "
            + agreementWer
            + " vs segment "
            + segmentWer
            + ": "
            + text(agreementFinals));

    for (List<Emitted> finals : List.of(segmentFinals, agreementFinals)) {
      List<ShapedCue> shaped = finals.stream().map(e -> CueShapes.of(e.cue())).toList();
      assertEquals(
          List.of(),
          ShapingViolations.checkSequence(shaped, RULES, PhraseContext.none()),
          "final cues of the stream, in emission order: " + shaped);
      List<SubtitleCue> bySeq =
          finals.stream()
              .map(Emitted::cue)
              .sorted(java.util.Comparator.comparingLong(SubtitleCue::getCueSeq))
              .toList();
      for (int i = 1; i < bySeq.size(); i++) {
        assertTrue(
            bySeq.get(i - 1).getStartMs() < bySeq.get(i).getStartMs(),
            "cue numbers follow media time: " + bySeq);
      }
    }
    assertCommittedCuesNeverChange(agreementOut);
    List<SubtitleCue> progress =
        agreementOut.stream().map(Emitted::cue).filter(CueConventions::isProgress).toList();
    assertEquals(1, progress.size(), "one progress marker for the one segment");
    int lastFinal = agreementOut.indexOf(agreementFinals.get(agreementFinals.size() - 1));
    assertTrue(CueConventions.isProgress(agreementOut.get(lastFinal + 1).cue()), "right after it");

    long[] seg = latencies(segmentFinals);
    long[] agr = latencies(agreementFinals);
    System.out.printf(
        "final-cue latency proxy (media ms): segment p50=%d p95=%d (%d cues, WER %.3f);"
            + " agreement p50=%d p95=%d (%d cues, %d before segment end, WER %.3f)%n",
        percentile(seg, 0.5),
        percentile(seg, 0.95),
        seg.length,
        segmentWer,
        percentile(agr, 0.5),
        percentile(agr, 0.95),
        agr.length,
        early,
        agreementWer);
    assertTrue(percentile(agr, 0.5) < percentile(seg, 0.5), "earlier finals");
  }

  private static void assertCommittedCuesNeverChange(List<Emitted> out) {
    Set<Long> finalSeqs = new HashSet<>();
    for (Emitted e : out) {
      SubtitleCue c = e.cue();
      if (CueConventions.isMarker(c)) {
        continue;
      }
      assertFalse(finalSeqs.contains(c.getCueSeq()), "a final cue was revised: " + c);
      if (c.getIsFinal()) {
        finalSeqs.add(c.getCueSeq());
      }
    }
  }

  @Test
  void restoringRightAfterAMidSegmentCommitChangesNothing() throws Exception {
    List<Emitted> uninterrupted = run(CommitSettings.defaults());
    int firstCommit =
        finals(uninterrupted).stream()
            .mapToInt(Emitted::inputIndex)
            .filter(i -> i < endSegmentIndex)
            .min()
            .orElseThrow(() -> new AssertionError("no final cue before the segment's end"));
    int cut = firstCommit + 1;
    List<SubtitleCue> resumed = new ArrayList<>();
    OperatorSubtaskState[] state;
    try (Pipeline p = new Pipeline(CommitSettings.defaults(), null)) {
      p.run(0, cut);
      p.out.forEach(e -> resumed.add(e.cue()));
      state = p.snapshot();
    }
    try (Pipeline p = new Pipeline(CommitSettings.defaults(), state)) {
      p.run(cut, input.size());
      p.out.forEach(e -> resumed.add(e.cue()));
    }
    assertEquals(
        withoutEmissionTime(uninterrupted.stream().map(Emitted::cue).toList()),
        withoutEmissionTime(resumed));
  }

  private static List<SubtitleCue> withoutEmissionTime(List<SubtitleCue> cues) {
    return cues.stream().map(c -> SubtitleCue.newBuilder(c).setEmittedAtMs(0).build()).toList();
  }
}
