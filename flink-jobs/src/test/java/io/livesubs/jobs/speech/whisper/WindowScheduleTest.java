package io.livesubs.jobs.speech.whisper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livesubs.jobs.speech.whisper.SpeechWindow.Kind;
import io.livesubs.jobs.speech.whisper.WindowSchedule.Part;
import io.livesubs.jobs.speech.whisper.WindowSchedule.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowScheduleTest {

  /** Step 10, windows of at most 35 samples. */
  private static final WindowSchedule SCHEDULE = new WindowSchedule(10, 35, true);

  /** Every window planned while appending {@code blocks} to a part at 100, then the final one. */
  private static List<Span> plan(WindowSchedule schedule, int... blocks) {
    List<Span> out = new ArrayList<>();
    Part part = Part.at(100);
    for (int block : blocks) {
      WindowSchedule.Step step = schedule.append(part, block);
      out.addAll(step.windows());
      part = step.part();
    }
    out.add(schedule.finish(part));
    return out;
  }

  @Test
  void partialsFallEveryStepFromThePartStartWhateverTheBlocks() {
    List<Span> expected =
        List.of(
            new Span(Kind.PARTIAL, 100, 110, 10),
            new Span(Kind.PARTIAL, 100, 120, 10),
            new Span(Kind.FINAL, 100, 125, 5));
    assertEquals(expected, plan(SCHEDULE, 25));
    assertEquals(expected, plan(SCHEDULE, 3, 7, 1, 9, 5));
    assertEquals(expected, plan(SCHEDULE, 10, 10, 5));
  }

  @Test
  void aSegmentEndingOnAStepAddsNoAudioToItsFinal() {
    List<Span> spans = plan(SCHEDULE, 20);
    assertEquals(new Span(Kind.FINAL, 100, 120, 0), spans.get(spans.size() - 1));
  }

  @Test
  void aPartReachingTheMaximumIsCutAndTheRestStartsAFreshPart() {
    List<Span> spans = plan(SCHEDULE, 50);
    assertEquals(
        List.of(
            new Span(Kind.PARTIAL, 100, 110, 10),
            new Span(Kind.PARTIAL, 100, 120, 10),
            new Span(Kind.PARTIAL, 100, 130, 10),
            new Span(Kind.FINAL, 100, 135, 5),
            new Span(Kind.PARTIAL, 135, 145, 10),
            new Span(Kind.FINAL, 135, 150, 5)),
        spans);
    for (Span s : spans) {
      assertEquals(true, s.endSample() - s.startSample() <= 35, "no window beyond the maximum");
    }
    assertEquals(spans, plan(SCHEDULE, 34, 1, 15), "cut points do not depend on blocks either");
  }

  @Test
  void withoutPartialsOnlyFinalsAndCutsArePlanned() {
    WindowSchedule finalsOnly = new WindowSchedule(10, 35, false);
    assertEquals(
        List.of(new Span(Kind.FINAL, 100, 135, 35), new Span(Kind.FINAL, 135, 140, 5)),
        plan(finalsOnly, 12, 28));
  }

  @Test
  void anEmptySegmentGivesOneEmptyFinal() {
    assertEquals(List.of(new Span(Kind.FINAL, 100, 100, 0)), plan(SCHEDULE));
  }

  @Test
  void scheduleFromMillisecondsAndValidation() {
    assertEquals(
        new WindowSchedule(16_000, 480_000, true), WindowSchedule.of(16_000, 1000, 30_000, true));
    assertThrows(IllegalArgumentException.class, () -> new WindowSchedule(10, 5, true));
    assertThrows(IllegalArgumentException.class, () -> new WindowSchedule(0, 5, true));
  }
}
