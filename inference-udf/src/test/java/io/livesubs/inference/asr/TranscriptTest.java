package io.livesubs.inference.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {
  private static final Word HELLO = new Word("hello", 1_000, 1_400, 0.9f);
  private static final Word WORLD = new Word("world", 1_500, 1_900, 1f);

  @Test
  void appendJoinsTextAndWords() {
    Transcript a = new Transcript("hello", List.of(HELLO));
    Transcript b = new Transcript(" world ", List.of(WORLD));
    Transcript ab = a.append(b);
    assertEquals("hello world", ab.text());
    assertEquals(List.of(HELLO, WORLD), ab.words());
    assertSame(a, a.append(Transcript.EMPTY));
    assertSame(b, Transcript.EMPTY.append(b));
    assertTrue(Transcript.EMPTY.isEmpty());
  }

  @Test
  void isImmutable() {
    List<Word> words = new ArrayList<>(List.of(HELLO));
    Transcript t = new Transcript("hello", words);
    words.add(WORLD);
    assertEquals(1, t.words().size());
    assertThrows(UnsupportedOperationException.class, () -> t.words().add(WORLD));
  }

  @Test
  void wordsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new Word(" a", 0, 1, 1f));
    assertThrows(IllegalArgumentException.class, () -> new Word("", 0, 1, 1f));
    assertThrows(IllegalArgumentException.class, () -> new Word("a", 5, 4, 1f));
    assertThrows(IllegalArgumentException.class, () -> new Word("a", -1, 4, 1f));
    assertThrows(IllegalArgumentException.class, () -> new Word("a", 0, 4, 1.5f));
    assertThrows(IllegalArgumentException.class, () -> new Word("a", 0, 4, Float.NaN));
  }

  @Test
  void updateHypothesisIsStableThenUnstable() {
    AsrUpdate u =
        new AsrUpdate(
            new Transcript("hello", List.of(HELLO)), new Transcript("world", List.of(WORLD)), true);
    assertEquals("hello world", u.hypothesis().text());
    assertTrue(u.computed(), "a changed hypothesis was computed");
    assertFalse(AsrUpdate.NONE.computed());
    assertEquals(Transcript.EMPTY, AsrUpdate.NONE.hypothesis());
  }

  @Test
  void sessionConfigConvertsSampleOffsetsToMediaTime() {
    AsrSessionConfig c = AsrSessionConfig.builder().startSample(48_000).build();
    assertEquals(3_000, c.startMs());
    assertEquals(3_500, c.mediaMs(8_000));
    assertEquals(250, c.partialIntervalMs());
    assertThrows(
        IllegalArgumentException.class, () -> AsrSessionConfig.builder().startSample(-1).build());
    assertThrows(
        IllegalArgumentException.class, () -> AsrSessionConfig.builder().sampleRate(1_000).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> AsrSessionConfig.builder().language("english!").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> AsrSessionConfig.builder().partialIntervalMs(-5).build());
    assertEquals("en-US", AsrSessionConfig.builder().language("en-US").build().language());
  }
}
