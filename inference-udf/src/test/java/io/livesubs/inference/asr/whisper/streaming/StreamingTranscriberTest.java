package io.livesubs.inference.asr.whisper.streaming;

import static io.livesubs.inference.asr.whisper.streaming.Words.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingTranscriberTest {

  /** What an ideal decoder hears of {@code script} in {@code [from, to)}: the words inside it. */
  private static List<Word> hear(List<Word> script, long from, long to) {
    List<Word> out = new ArrayList<>();
    for (Word w : script) {
      if (w.startMs() >= from && w.endMs() <= to) {
        out.add(w);
      }
    }
    return out;
  }

  @Test
  void aLongMonologueIsCommittedWholeWithTrimsAtSentenceEndsAndWindowsUnder30s() {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 20; s++) {
      text.append("this is sentence number ").append(s).append(" of the talk. ");
    }
    List<Word> script = Words.timed(0, 400, text.toString().strip());
    long end = script.get(script.size() - 1).endMs();
    StreamingConfig config = StreamingConfig.DEFAULTS;
    StreamingTranscriber st = new StreamingTranscriber(config, 0);
    long maxWindow = 0;
    int trims = 0;
    for (long t = config.stepMs(); t <= end; t += config.stepMs()) {
      long start = st.bufferStartMs();
      maxWindow = Math.max(maxWindow, t - start);
      StreamingTranscriber.Update u = st.accept(hear(script, start, t), t);
      if (u.bufferStartMs() != start) {
        trims++;
        Word before =
            script.stream().filter(w -> w.endMs() == u.bufferStartMs()).findFirst().orElseThrow();
        assertTrue(TrimPolicy.endsSentence(before.text()), "trimmed after " + before.text());
      }
    }
    List<Word> all = st.finish(hear(script, st.bufferStartMs(), end));
    assertEquals(texts(script), texts(all));
    assertTrue(trims >= 2, "trims " + trims);
    assertTrue(maxWindow <= config.trimThresholdMs() + config.stepMs(), "max window " + maxWindow);
  }

  @Test
  void promptIsRecentCommittedTextBeforeTheBuffer() {
    StreamingConfig config =
        StreamingConfig.builder().trimThresholdMs(3000).maxBufferMs(5000).promptChars(12).build();
    StreamingTranscriber st = new StreamingTranscriber(config, 0);
    List<Word> script =
        Words.of(
            "Alpha@0-500", "beta.@500-1000", "Gamma@1000-1500", "delta.@1500-2000", "x@3000-3500");
    st.accept(hear(script, 0, 2000), 2000);
    st.accept(hear(script, 0, 3000), 3000);
    assertEquals("", st.prompt(), "committed words still in the buffer are not prompted");
    StreamingTranscriber.Update u = st.accept(hear(script, 0, 4000), 4000);
    assertEquals(2000, u.bufferStartMs());
    assertEquals("Gamma delta.", st.prompt(), "last 12 characters, whole words");
  }

  @Test
  void withoutAgreementTheBufferIsCutAtMaxLength() {
    StreamingConfig config =
        StreamingConfig.builder().trimThresholdMs(4000).maxBufferMs(6000).build();
    StreamingTranscriber st = new StreamingTranscriber(config, 0);
    long maxWindow = 0;
    for (long t = 1000; t <= 20_000; t += 1000) {
      maxWindow = Math.max(maxWindow, t - st.bufferStartMs());
      // A decoder that never says the same thing twice: nothing is ever agreed on.
      st.accept(
          Words.of("w" + t + "@" + (st.bufferStartMs() + 100) + "-" + (st.bufferStartMs() + 300)),
          t);
    }
    assertTrue(maxWindow <= config.maxBufferMs() + config.stepMs(), "max window " + maxWindow);
    assertTrue(st.committed().size() >= 2, "forced cuts commit the tail: " + texts(st.committed()));
  }

  @Test
  void finishWithoutNewAudioCommitsTheTail() {
    StreamingTranscriber st = new StreamingTranscriber(StreamingConfig.DEFAULTS, 500);
    st.accept(Words.of("only@600-900", "once@900-1200"), 1500);
    assertEquals(List.of("only", "once"), texts(st.finish(null)));
  }

  @Test
  void configRejectsWindowsBeyond30Seconds() {
    assertThrows(
        IllegalArgumentException.class,
        () -> StreamingConfig.builder().maxBufferMs(29_500).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> StreamingConfig.builder().trimThresholdMs(26_000).build());
    assertThrows(IllegalArgumentException.class, () -> StreamingConfig.builder().stepMs(0).build());
  }
}
