package io.livesubs.jobs.speech.whisper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livesubs.jobs.speech.Recognition;
import io.livesubs.jobs.speech.RecognizedWord;
import io.livesubs.jobs.speech.whisper.DecodedWindow.Outcome;
import io.livesubs.jobs.speech.whisper.SpeechWindow.Kind;
import io.livesubs.jobs.testing.KeyedHarness;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

/**
 * The agreement stage in Flink's keyed operator harness: LocalAgreement-2 over consecutive windows,
 * PARTIAL and FINAL recognitions in the form the caption stage consumes, restore in mid-segment,
 * and windows without a hypothesis.
 */
class SegmentAgreementTest {

  private static KeyedHarness<DecodedWindow, Recognition> open(OperatorSubtaskState state)
      throws Exception {
    return KeyedHarness.open(
        new SegmentAgreement(true),
        DecodedWindow::streamId,
        TypeInformation.of(Recognition.class),
        state);
  }

  /** A window of stream "s" from 1000 ms to {@code endMs} with words "text@start-end". */
  private static DecodedWindow window(Kind kind, Outcome outcome, long endMs, String... words) {
    RecognizedWord[] w = new RecognizedWord[words.length];
    for (int i = 0; i < words.length; i++) {
      String[] p = words[i].split("[@-]");
      w[i] = new RecognizedWord(p[0], Long.parseLong(p[1]), Long.parseLong(p[2]), 0.5f);
    }
    return new DecodedWindow("s", kind, outcome, 1000, endMs, w, 77, "en", "whisper:tiny");
  }

  private static List<DecodedWindow> segment() {
    return List.of(
        window(Kind.PARTIAL, Outcome.DECODED, 2000, "the@1000-1300", "cap@1300-1900"),
        window(
            Kind.PARTIAL, Outcome.DECODED, 3000, "the@1000-1300", "cat@1300-1800", "sat@1800-2900"),
        window(Kind.PARTIAL, Outcome.TIMED_OUT, 4000),
        window(
            Kind.PARTIAL,
            Outcome.DECODED,
            4000,
            "the@1000-1300",
            "cat@1300-1800",
            "sat@1800-2600",
            "on@2600-3900"),
        window(
            Kind.FINAL,
            Outcome.DECODED,
            4500,
            "the@1000-1300",
            "cat@1300-1800",
            "sat@1800-2600",
            "on@2600-3100",
            "it@3100-4400"),
        window(Kind.END_STREAM, Outcome.NO_AUDIO, 6000));
  }

  @Test
  void consecutiveWindowsCommitTheirAgreedPrefixAndTheFinalCommitsTheRest() throws Exception {
    List<Recognition> out;
    try (KeyedHarness<DecodedWindow, Recognition> h = open(null)) {
      h.sendAll(segment());
      out = h.output();
      assertEquals(0, h.stateEntries(), "END_STREAM clears the stream's state");
    }
    assertEquals(
        List.of(
            "PARTIAL the cap",
            "PARTIAL the cat sat",
            "PARTIAL the cat sat on",
            "FINAL the cat sat on it",
            "END_STREAM "),
        out.stream().map(r -> r.kind() + " " + r.text()).toList());
    Recognition second = out.get(1);
    assertEquals(1000, second.segmentStartMs());
    assertEquals(3000, second.segmentEndMs());
    assertEquals(77, second.captureAnchorMs());
    assertEquals("whisper:tiny", second.engine());
    assertEquals("en", second.language());
    // "the" was committed by windows 1 and 2 agreeing on it, so it keeps the times it had then.
    Recognition fin = out.get(3);
    assertEquals(new RecognizedWord("the", 1000, 1300, 0.5f), fin.words()[0]);
    assertEquals(4500, fin.segmentEndMs());
    assertEquals(6000, out.get(4).segmentEndMs());
  }

  @Test
  void aRestoreMidSegmentGivesTheSameRecognitions() throws Exception {
    List<Recognition> uninterrupted;
    try (KeyedHarness<DecodedWindow, Recognition> h = open(null)) {
      h.sendAll(segment());
      uninterrupted = h.output();
    }
    List<Recognition> out = new ArrayList<>();
    OperatorSubtaskState state;
    try (KeyedHarness<DecodedWindow, Recognition> h = open(null)) {
      h.sendAll(segment().subList(0, 2));
      out.addAll(h.output());
      state = h.snapshot();
    }
    try (KeyedHarness<DecodedWindow, Recognition> h = open(state)) {
      h.sendAll(segment().subList(2, 6));
      out.addAll(h.output());
    }
    assertEquals(uninterrupted, out);
  }

  @Test
  void aFinalWithoutHypothesisCommitsTheTailAsItIs() throws Exception {
    try (KeyedHarness<DecodedWindow, Recognition> h = open(null)) {
      h.send(window(Kind.PARTIAL, Outcome.DECODED, 2000, "hello@1000-1500", "there@1500-1900"));
      h.send(window(Kind.FINAL, Outcome.NO_AUDIO, 2000));
      h.send(window(Kind.PARTIAL, Outcome.UNSUPPORTED, 2500));
      h.send(window(Kind.FINAL, Outcome.UNSUPPORTED, 3000));
      assertEquals(
          List.of("PARTIAL hello there", "FINAL hello there"),
          h.output().stream().map(r -> r.kind() + " " + r.text()).toList());
    }
  }
}
