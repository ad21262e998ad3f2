package io.livesubs.jobs.cues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.captions.PhraseContext;
import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.captions.ShapingViolations;
import io.livesubs.jobs.speech.Recognition;
import io.livesubs.jobs.speech.RecognizedWord;
import io.livesubs.jobs.testing.CueShapes;
import io.livesubs.jobs.testing.KeyedHarness;
import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.flink.AvroSpecificTypeInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

/** {@link CueEmitter} in Flink's keyed harness, fed constructed recognitions. */
class CueEmitterTest {

  private static final long ANCHOR = 1_700_000_000_000L;
  private static final ShapingRules RULES = ShapingRules.defaults();

  /** Words spoken from {@code startMs}, 300 ms each with 100 ms pauses. */
  private static RecognizedWord[] speak(String text, long startMs) {
    String[] tokens = text.split(" ");
    RecognizedWord[] words = new RecognizedWord[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      long start = startMs + i * 400L;
      words[i] = new RecognizedWord(tokens[i], start, start + 300, 0.9f);
    }
    return words;
  }

  private static Recognition partial(String text, long segStart, long segEnd) {
    return partial(text, segStart, segEnd, 0);
  }

  private static Recognition partial(String text, long segStart, long segEnd, int wordsAhead) {
    return new Recognition(
        "s",
        Recognition.Kind.PARTIAL,
        text,
        speak(text, segStart + 100),
        segStart,
        segEnd,
        ANCHOR,
        "test:engine",
        "en",
        wordsAhead);
  }

  private static Recognition fin(String text, long segStart, long segEnd) {
    RecognizedWord[] words = text.isEmpty() ? new RecognizedWord[0] : speak(text, segStart + 100);
    return new Recognition(
        "s", Recognition.Kind.FINAL, text, words, segStart, segEnd, ANCHOR, "test:engine", "en", 0);
  }

  private static KeyedHarness<Recognition, SubtitleCue> harness(OperatorSubtaskState state)
      throws Exception {
    return harness(CommitSettings.defaults(), state);
  }

  private static KeyedHarness<Recognition, SubtitleCue> harness(
      CommitSettings commit, OperatorSubtaskState state) throws Exception {
    return KeyedHarness.open(
        new CueEmitter(RULES, commit),
        Recognition::streamId,
        new AvroSpecificTypeInfo<>(SubtitleCue.class),
        state);
  }

  private static List<SubtitleCue> run(List<Recognition> in) throws Exception {
    try (KeyedHarness<Recognition, SubtitleCue> h = harness(null)) {
      h.sendAll(in);
      return h.output();
    }
  }

  private static List<SubtitleCue> texts(List<SubtitleCue> cues) {
    return cues.stream().filter(c -> !CueConventions.isMarker(c)).toList();
  }

  @Test
  void partialsReviseOneCueAndTheFinalReplacesIt() throws Exception {
    List<SubtitleCue> out =
        texts(
            run(
                List.of(
                    partial("good", 1000, 1500),
                    partial("good morning", 1000, 1900),
                    partial("good morning every", 1000, 2300),
                    fin("good morning everyone", 1000, 2800))));
    assertEquals(4, out.size(), out.toString());
    for (int i = 0; i < 4; i++) {
      SubtitleCue cue = out.get(i);
      assertEquals(0, cue.getCueSeq());
      assertEquals(i, cue.getRevision());
      assertEquals(i == 3, cue.getIsFinal());
      assertEquals("en", cue.getLanguage());
      assertEquals("test:engine", cue.getEngine());
      assertEquals(ANCHOR + cue.getEndMs(), cue.getCaptureTimeMs());
    }
    assertEquals(List.of("good morning every"), out.get(2).getLines());
    assertEquals(List.of("good morning everyone"), out.get(3).getLines());
    assertEquals(2300, out.get(2).getEndMs(), "a partial reaches the audio recognised so far");
    assertEquals(3, out.get(3).getWords().size());
    assertEquals(0.9f, out.get(3).getWords().get(0).getConfidence());
  }

  @Test
  void aLongPhraseBecomesSeveralFinalCuesThatKeepTheRules() throws Exception {
    String first =
        "the committee met on tuesday to discuss the budget for the coming year and after a long"
            + " debate they agreed to postpone the decision until the next meeting in spring";
    String second = "nobody was happy about it";
    Recognition one = fin(first, 0, 12_000);
    Recognition two = fin(second, 12_100, 14_500);
    List<SubtitleCue> out = texts(run(List.of(partial("the committee", 0, 900), one, two)));
    List<SubtitleCue> firstCues = out.subList(1, out.size() - 1);
    assertTrue(firstCues.size() >= 3, "several cues: " + out);
    assertEquals(0, firstCues.get(0).getCueSeq(), "the first final takes the partial's number");
    assertEquals(1, firstCues.get(0).getRevision());
    for (int i = 1; i < firstCues.size(); i++) {
      assertEquals(i, firstCues.get(i).getCueSeq());
      assertEquals(0, firstCues.get(i).getRevision());
    }
    List<ShapedCue> shaped = out.subList(1, out.size()).stream().map(CueShapes::of).toList();
    assertEquals(
        List.of(),
        ShapingViolations.checkSequence(shaped, RULES, PhraseContext.none()),
        "final cues of both phrases, in order");
    assertEquals(
        String.join(" ", first.split(" ")),
        String.join(" ", firstCues.stream().flatMap(c -> c.getLines().stream()).toList()));
  }

  @Test
  void anEmptyFinalWithdrawsTheShownPartial() throws Exception {
    List<SubtitleCue> out =
        run(List.of(partial("uh", 500, 900), fin("", 500, 1200), fin("hello", 2000, 2600)));
    SubtitleCue withdrawn = out.get(1);
    assertEquals(0, withdrawn.getCueSeq());
    assertEquals(1, withdrawn.getRevision());
    assertTrue(withdrawn.getIsFinal());
    assertEquals(List.of(), withdrawn.getLines());
    List<SubtitleCue> hello = texts(out).subList(2, 3);
    assertEquals(1, hello.get(0).getCueSeq(), "the next phrase gets a new number");
    assertEquals(List.of("hello"), hello.get(0).getLines());
  }

  @Test
  void anEmptyFinalWithoutPartialsShowsNothingButProgress() throws Exception {
    List<SubtitleCue> out = run(List.of(fin("", 500, 1200)));
    assertEquals(1, out.size());
    assertTrue(CueConventions.isProgress(out.get(0)));
    assertEquals(1200, out.get(0).getEndMs());
    assertEquals(ANCHOR + 1200, out.get(0).getCaptureTimeMs());
  }

  @Test
  void theEndMarkerClosesTheStreamAndClearsState() throws Exception {
    try (KeyedHarness<Recognition, SubtitleCue> h = harness(null)) {
      h.send(fin("hello there", 0, 1000));
      assertEquals(1, h.stateEntries());
      h.send(Recognition.endStream("s", 5_000, ANCHOR, "test:engine", "en"));
      SubtitleCue end = h.output().get(h.output().size() - 1);
      assertTrue(CueConventions.isEndOfStream(end));
      assertEquals(5_000, end.getEndMs());
      assertEquals("en", end.getLanguage());
      assertEquals(0, h.stateEntries());
    }
  }

  @Test
  void restoringMidPhraseContinuesTheNumbering() throws Exception {
    List<Recognition> in =
        List.of(
            fin("first phrase here", 0, 1500),
            partial("second", 2000, 2400),
            partial("second phrase", 2000, 2800),
            fin("second phrase now", 2000, 3400),
            Recognition.endStream("s", 4000, ANCHOR, "test:engine", "en"));
    List<SubtitleCue> uninterrupted = run(in);
    List<SubtitleCue> resumed = new ArrayList<>();
    OperatorSubtaskState state;
    try (KeyedHarness<Recognition, SubtitleCue> h = harness(null)) {
      h.sendAll(in.subList(0, 2));
      resumed.addAll(h.output());
      state = h.snapshot();
    }
    try (KeyedHarness<Recognition, SubtitleCue> h = harness(state)) {
      h.sendAll(in.subList(2, in.size()));
      resumed.addAll(h.output());
    }
    assertEquals(withoutEmissionTime(uninterrupted), withoutEmissionTime(resumed));
    assertFalse(texts(resumed).isEmpty());
  }

  @Test
  void aRepeatedHypothesisRevisesNothingButCompletesAnAgreement() throws Exception {
    String text = "the committee met on tuesday to discuss the budget";
    List<SubtitleCue> out =
        run(
            List.of(
                partial("the committee met", 0, 1300),
                partial("the committee met", 0, 1500), // the engine repeats it: no new revision
                partial(text, 0, 3700),
                partial(text, 0, 3900))); // repeated with nothing after it: final now
    List<SubtitleCue> cues = texts(out);
    assertEquals(4, cues.size(), cues.toString());
    assertEquals(List.of(0, 1), cues.subList(0, 2).stream().map(SubtitleCue::getRevision).toList());
    assertFalse(cues.get(1).getIsFinal());
    SubtitleCue done = cues.get(2);
    assertTrue(done.getIsFinal(), "the confirmed words became final: " + done);
    assertEquals(0, done.getCueSeq(), "the final replaces the partial it confirms");
    assertEquals(2, done.getRevision());
    // 8 of the 9 words (44 characters, over 40 % of a cue): the last word may still change.
    assertEquals("the committee met on tuesday to discuss the", String.join(" ", done.getLines()));
    SubtitleCue rest = cues.get(3);
    assertFalse(rest.getIsFinal());
    assertEquals(1, rest.getCueSeq(), "the held word goes on as the next cue");
    assertEquals(List.of("budget"), rest.getLines());
    assertTrue(out.stream().noneMatch(CueConventions::isProgress), "the phrase goes on");
  }

  @Test
  void aWordHeardAheadLetsTheNewestWordBeFinal() throws Exception {
    String text = "the committee met on tuesday to discuss the budget";
    List<SubtitleCue> finals =
        texts(run(List.of(partial(text, 0, 3700), partial(text, 0, 3900, 1)))).stream()
            .filter(SubtitleCue::getIsFinal)
            .toList();
    assertEquals(1, finals.size(), finals.toString());
    assertEquals(text, String.join(" ", finals.get(0).getLines()), "budget is followed: final");
  }

  @Test
  void underTheSegmentPolicyARepeatedHypothesisRevisesNothing() throws Exception {
    try (KeyedHarness<Recognition, SubtitleCue> h = harness(CommitSettings.segmentOnly(), null)) {
      h.sendAll(
          List.of(
              partial("good morning", 0, 900),
              partial("good morning", 0, 1100),
              partial("good morning everyone", 0, 1500)));
      assertEquals(
          List.of(0, 1), texts(h.output()).stream().map(SubtitleCue::getRevision).toList());
    }
  }

  /** A phrase spoken word by word: a partial per word, then its final. */
  private static List<Recognition> growingPhrase() {
    String text =
        "the committee met on tuesday to discuss the budget for the coming year and after a long"
            + " debate they agreed to postpone the decision until the next meeting";
    String[] tokens = text.split(" ");
    List<Recognition> in = new ArrayList<>();
    for (int k = 1; k <= tokens.length; k++) {
      String prefix = String.join(" ", java.util.Arrays.copyOf(tokens, k));
      in.add(partial(prefix, 0, 100 + k * 400L));
    }
    in.add(fin(text, 0, 100 + tokens.length * 400L + 500));
    in.add(Recognition.endStream("s", 20_000, ANCHOR, "test:engine", "en"));
    return in;
  }

  /** Index of the input that produced each cue, by running the inputs one at a time. */
  private static List<Integer> producers(List<Recognition> in, CommitSettings commit)
      throws Exception {
    List<Integer> producedBy = new ArrayList<>();
    try (KeyedHarness<Recognition, SubtitleCue> h = harness(commit, null)) {
      for (int i = 0; i < in.size(); i++) {
        h.send(in.get(i));
        while (producedBy.size() < h.output().size()) {
          producedBy.add(i);
        }
      }
    }
    return producedBy;
  }

  @Test
  void agreedWordsBecomeFinalBeforeThePhraseEndsAndAreNeverRevised() throws Exception {
    List<Recognition> in = growingPhrase();
    int finalIndex = in.size() - 2;
    List<SubtitleCue> out = run(in);
    List<Integer> producedBy = producers(in, CommitSettings.defaults());
    List<SubtitleCue> finals = new ArrayList<>();
    List<Long> finalSeqs = new ArrayList<>();
    boolean early = false;
    for (int i = 0; i < out.size(); i++) {
      SubtitleCue c = out.get(i);
      if (CueConventions.isMarker(c)) {
        continue;
      }
      assertFalse(finalSeqs.contains(c.getCueSeq()), "a final cue was revised: " + c);
      if (c.getIsFinal()) {
        finals.add(c);
        finalSeqs.add(c.getCueSeq());
        early |= producedBy.get(i) < finalIndex;
      } else {
        assertTrue(
            c.getWords().stream()
                .allMatch(w -> finals.stream().noneMatch(f -> f.getWords().contains(w))),
            "a partial shows no committed word: " + c);
      }
    }
    assertTrue(early, "some final cues before the phrase's final: " + out);
    assertEquals(
        in.get(finalIndex).text(),
        String.join(" ", finals.stream().flatMap(c -> c.getLines().stream()).toList()),
        "every word once, in order");
    assertEquals(
        List.of(),
        ShapingViolations.checkSequence(
            finals.stream().map(CueShapes::of).toList(), RULES, PhraseContext.none()));
    assertEquals(1, out.stream().filter(CueConventions::isProgress).count());
    int progress = out.indexOf(out.stream().filter(CueConventions::isProgress).findFirst().get());
    assertEquals(finals.get(finals.size() - 1), out.get(progress - 1), "after the last final cue");

    List<SubtitleCue> segmentOnly;
    try (KeyedHarness<Recognition, SubtitleCue> h = harness(CommitSettings.segmentOnly(), null)) {
      h.sendAll(in.subList(0, finalIndex));
      segmentOnly = h.output();
    }
    assertTrue(segmentOnly.stream().noneMatch(SubtitleCue::getIsFinal), "segment: none early");
  }

  @Test
  void restoringAfterAMidPhraseCommitNeitherRepeatsNorForgetsIt() throws Exception {
    List<Recognition> in = growingPhrase();
    List<SubtitleCue> uninterrupted = run(in);
    List<Integer> producedBy = producers(in, CommitSettings.defaults());
    int firstCommit = -1;
    for (int i = 0; i < uninterrupted.size() && firstCommit < 0; i++) {
      if (uninterrupted.get(i).getIsFinal()) {
        firstCommit = producedBy.get(i);
      }
    }
    assertTrue(firstCommit >= 0 && firstCommit < in.size() - 2, "a commit mid-phrase");
    List<SubtitleCue> resumed = new ArrayList<>();
    OperatorSubtaskState state;
    try (KeyedHarness<Recognition, SubtitleCue> h = harness(null)) {
      h.sendAll(in.subList(0, firstCommit + 1));
      resumed.addAll(h.output());
      state = h.snapshot();
    }
    try (KeyedHarness<Recognition, SubtitleCue> h = harness(state)) {
      h.sendAll(in.subList(firstCommit + 1, in.size()));
      resumed.addAll(h.output());
      assertEquals(0, h.stateEntries(), "state cleared at the end of the stream");
    }
    assertEquals(withoutEmissionTime(uninterrupted), withoutEmissionTime(resumed));
  }

  private static List<SubtitleCue> withoutEmissionTime(List<SubtitleCue> cues) {
    return cues.stream().map(c -> SubtitleCue.newBuilder(c).setEmittedAtMs(0).build()).toList();
  }
}
