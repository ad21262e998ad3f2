package io.livesubs.inference.asr.whisper.streaming;

import static io.livesubs.inference.asr.whisper.streaming.Words.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAgreementTest {

  @Test
  void commitsThePrefixTwoConsecutiveHypothesesAgreeOn() {
    LocalAgreement la = new LocalAgreement(0);
    LocalAgreement.Step first = la.insert(Words.of("the@0-200", "cat@200-400"));
    assertEquals(List.of(), first.newlyCommitted(), "one hypothesis alone commits nothing");
    assertEquals(List.of("the", "cat"), texts(first.tail()));

    LocalAgreement.Step second = la.insert(Words.of("the@0-210", "cat@210-420", "sat@420-600"));
    assertEquals(List.of("the", "cat"), texts(second.newlyCommitted()));
    assertEquals(List.of("sat"), texts(second.tail()));
    assertEquals(420, la.committedEndMs(), "times come from the latest hypothesis");

    LocalAgreement.Step third =
        la.insert(Words.of("the@0-210", "cat@210-420", "sat@420-600", "on@600-700"));
    assertEquals(List.of("sat"), texts(third.newlyCommitted()));
    assertEquals(List.of("on"), texts(third.tail()));
    assertEquals(List.of("the", "cat", "sat"), texts(la.committed()));
  }

  @Test
  void disagreementCommitsNothingAndReplacesTheTail() {
    LocalAgreement la = new LocalAgreement(0);
    la.insert(Words.of("a@0-100", "cap@100-300"));
    LocalAgreement.Step step = la.insert(Words.of("the@0-100", "cat@100-300"));
    assertEquals(List.of(), step.newlyCommitted());
    assertEquals(List.of("the", "cat"), texts(step.tail()));
    assertEquals(
        List.of("the", "cat"),
        texts(la.insert(Words.of("the@0-100", "cat@100-300")).newlyCommitted()));
  }

  @Test
  void wordsBeforeTheCommittedEndAreIgnored() {
    LocalAgreement la = new LocalAgreement(0);
    la.insert(Words.of("one@0-500", "two@500-1000"));
    la.insert(Words.of("one@0-500", "two@500-1000", "three@1000-1500"));
    // The decoder sees the whole buffer again; committed audio must not be committed twice.
    LocalAgreement.Step step = la.insert(Words.of("one@0-500", "two@500-1000", "three@1000-1500"));
    assertEquals(List.of("three"), texts(step.newlyCommitted()));
    assertEquals(List.of("one", "two", "three"), texts(la.committed()));
  }

  @Test
  void aRepeatedCommittedNgramRightAfterTheCommittedEndIsDropped() {
    LocalAgreement la = new LocalAgreement(0);
    la.insert(Words.of("good@0-300", "morning@300-700"));
    la.insert(Words.of("good@0-300", "morning@300-700"));
    assertEquals(700, la.committedEndMs());
    // Shifted times make the re-transcribed words look new; the 2-gram match removes them.
    LocalAgreement.Step step =
        la.insert(Words.of("good@650-900", "morning@900-1200", "all@1200-1400"));
    assertEquals(List.of("all"), texts(step.tail()));
  }

  @Test
  void finishCommitsTheAlignedFinalHypothesis() {
    LocalAgreement la = new LocalAgreement(1000);
    la.insert(Words.of("hi@1000-1300"));
    la.insert(Words.of("hi@1000-1300", "you@1300-1500"));
    List<?> last = la.finish(Words.of("hi@1000-1300", "you@1300-1500", "all@1500-1800"));
    assertEquals(2, last.size());
    assertEquals(List.of("hi", "you", "all"), texts(la.committed()));
    assertEquals(List.of(), la.tail());
  }

  @Test
  void commitTailCommitsWithoutAgreement() {
    LocalAgreement la = new LocalAgreement(0);
    la.insert(Words.of("x@0-100", "y@100-200"));
    assertEquals(List.of("x", "y"), texts(la.commitTail()));
    assertEquals(200, la.committedEndMs());
    assertEquals(List.of(), la.tail());
  }

  @Test
  void aRestoredAgreementContinuesAsTheOriginal() {
    LocalAgreement original = new LocalAgreement(500);
    original.insert(Words.of("good@500-800", "morning@800-1200"));
    original.insert(Words.of("good@500-800", "morning@800-1200", "to@1200-1400"));
    LocalAgreement restored = LocalAgreement.restore(500, original.committed(), original.tail());
    assertEquals(original.committedEndMs(), restored.committedEndMs());
    List<String> next =
        List.of("good@500-800", "morning@800-1200", "to@1200-1400", "you@1400-1600");
    LocalAgreement.Step a = original.insert(Words.of(next.toArray(String[]::new)));
    LocalAgreement.Step b = restored.insert(Words.of(next.toArray(String[]::new)));
    assertEquals(texts(a.newlyCommitted()), texts(b.newlyCommitted()));
    assertEquals(List.of("to"), texts(b.newlyCommitted()));
    assertEquals(texts(original.committed()), texts(restored.committed()));
    assertEquals(List.of("you"), texts(restored.tail()));
  }
}
