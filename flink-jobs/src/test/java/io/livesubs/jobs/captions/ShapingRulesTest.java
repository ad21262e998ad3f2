package io.livesubs.jobs.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.CaptionStyle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ShapingRulesTest {

  @Test
  void defaultsFollowTheNetflixAndBbcConventions() {
    ShapingRules rules = ShapingRules.defaults();
    assertEquals(42, rules.maxCharsPerLine());
    assertEquals(2, rules.maxLines());
    assertEquals(17.0, rules.maxCharsPerSecond());
    assertEquals(1_000, rules.minDurationMs());
    assertEquals(7_000, rules.maxDurationMs());
    assertEquals(80, rules.minGapMs(), "two frames at 25 fps");
    assertEquals(1_500, rules.maxTrailMs());
    assertEquals(rules, ShapingRules.builder().build());
  }

  @Test
  void gapCanBeGivenInFrames() {
    assertEquals(80, ShapingRules.builder().minGapFrames(2, 25).build().minGapMs());
    assertEquals(67, ShapingRules.builder().minGapFrames(2, 29.97).build().minGapMs());
    assertEquals(0, ShapingRules.builder().minGapFrames(0, 50).build().minGapMs());
  }

  @Test
  void badValuesAreRejectedNamingTheField() {
    assertRejected("maxCharsPerLine", () -> ShapingRules.builder().maxCharsPerLine(0));
    assertRejected("maxCharsPerLine", () -> ShapingRules.builder().maxCharsPerLine(201));
    assertRejected("maxLines", () -> ShapingRules.builder().maxLines(0));
    assertRejected("maxCharsPerSecond", () -> ShapingRules.builder().maxCharsPerSecond(0));
    assertRejected("maxCharsPerSecond", () -> ShapingRules.builder().maxCharsPerSecond(Double.NaN));
    assertRejected("minDurationMs", () -> ShapingRules.builder().minDurationMs(-1));
    assertRejected("maxDurationMs", () -> ShapingRules.builder().maxDurationMs(0));
    assertRejected("minGapMs", () -> ShapingRules.builder().minGapMs(-5));
    assertRejected("maxTrailMs", () -> ShapingRules.builder().maxTrailMs(-1));
    assertRejected("frames", () -> ShapingRules.builder().minGapFrames(-1, 25));
    assertRejected("framesPerSecond", () -> ShapingRules.builder().minGapFrames(2, 0));
  }

  @Test
  void buildRejectsAMinimumDurationAboveTheMaximum() {
    ShapingRules.Builder builder = ShapingRules.builder().minDurationMs(8_000);
    assertRejected("minDurationMs", builder::build);
  }

  @Test
  void styleOverridesOnlyItsNonNullFields() {
    ShapingRules base = ShapingRules.builder().minGapMs(40).maxTrailMs(900).build();
    CaptionStyle style =
        CaptionStyle.newBuilder()
            .setMaxCharsPerLine(32)
            .setMaxLines(null)
            .setMaxCharsPerSecond(null)
            .setMinDurationMs(1_500)
            .setMaxDurationMs(null)
            .setEmitPartials(true)
            .build();

    ShapingRules rules = base.withStyle(style);

    assertEquals(base.toBuilder().maxCharsPerLine(32).minDurationMs(1_500).build(), rules);
    assertSame(base, base.withStyle(null));
  }

  @Test
  void everyStyleFieldIsApplied() {
    CaptionStyle style = new CaptionStyle(37, 3, 15.0, 800, 6_000, null);
    ShapingRules rules = ShapingRules.defaults().withStyle(style);
    assertEquals(List.of(37, 3), List.of(rules.maxCharsPerLine(), rules.maxLines()));
    assertEquals(15.0, rules.maxCharsPerSecond());
    assertEquals(List.of(800L, 6_000L), List.of(rules.minDurationMs(), rules.maxDurationMs()));
  }

  @Test
  void impossibleStyleIsRejectedNamingTheField() {
    CaptionStyle style = CaptionStyle.newBuilder().setMaxLines(0).build();
    assertRejected("maxLines", () -> ShapingRules.defaults().withStyle(style));
    CaptionStyle inverted = CaptionStyle.newBuilder().setMinDurationMs(9_000).build();
    assertRejected("minDurationMs", () -> ShapingRules.defaults().withStyle(inverted));
  }

  @Test
  void survivesJavaSerializationAsFlinkFunctionsNeed() throws Exception {
    ShapingRules rules = ShapingRules.builder().maxCharsPerLine(37).minGapMs(67).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new CueShaper(rules));
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      CueShaper copy = (CueShaper) in.readObject();
      assertEquals(rules, copy.rules());
      List<TimedWord> words = List.of(new TimedWord("Hello.", 0, 400));
      assertEquals(new CueShaper(rules).shape(words), copy.shape(words));
    }
  }

  private static void assertRejected(String field, Executable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
    assertTrue(
        e.getMessage().contains(field), "message should name " + field + ": " + e.getMessage());
  }
}
