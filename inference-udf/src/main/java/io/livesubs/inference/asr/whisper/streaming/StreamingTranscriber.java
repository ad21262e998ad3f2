package io.livesubs.inference.asr.whisper.streaming;

import io.livesubs.inference.asr.Word;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The streaming policy of one open speech segment, without audio or model: it takes the hypothesis
 * of each decode of the buffer, commits by {@link LocalAgreement}, decides where the buffer starts
 * ({@link TrimPolicy}, plus a forced cut at {@link StreamingConfig#maxBufferMs()}), and says what
 * previous text to prompt the next decode with.
 *
 * <p>The forced cut commits the tail as it is and moves the buffer start to the end of its last
 * word, or further so that at most {@code maxBufferMs - trimThresholdMs} remain; together with
 * {@code maxBufferMs + stepMs <= 30 s} this keeps every decoded window within Whisper's 30 s.
 *
 * <p>Times are media milliseconds. Mutable; owned by one session (not thread-safe).
 */
public final class StreamingTranscriber {
  private final StreamingConfig config;
  private final LocalAgreement agreement;
  private final TrimPolicy trimPolicy;
  private long bufferStartMs;

  /**
   * @param config timing
   * @param segmentStartMs media time of the segment's first sample (the initial buffer start)
   */
  public StreamingTranscriber(StreamingConfig config, long segmentStartMs) {
    this.config = Objects.requireNonNull(config, "config");
    this.agreement = new LocalAgreement(segmentStartMs);
    this.trimPolicy = new TrimPolicy(config.trimThresholdMs());
    this.bufferStartMs = segmentStartMs;
  }

  /** What a decode changed. */
  public record Update(List<Word> committed, List<Word> tail, long bufferStartMs) {
    /** Copies the components. */
    public Update {
      committed = List.copyOf(committed);
      tail = List.copyOf(tail);
    }
  }

  /** Media time where the audio to decode next starts. */
  public long bufferStartMs() {
    return bufferStartMs;
  }

  /**
   * Previous text for the next decode: the last {@link StreamingConfig#promptChars()} characters of
   * committed words that lie before the buffer (words in the buffer are decoded again from the
   * audio), cut at a word boundary; empty when there are none.
   */
  public String prompt() {
    if (config.promptChars() == 0) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    List<Word> committed = agreement.committed();
    for (int i = committed.size() - 1; i >= 0; i--) {
      Word w = committed.get(i);
      if (w.endMs() > bufferStartMs) {
        continue;
      }
      if (text.length() + w.text().length() + 1 > config.promptChars()) {
        break;
      }
      text.insert(0, text.isEmpty() ? w.text() : w.text() + " ");
    }
    return text.toString();
  }

  /**
   * Takes the hypothesis of the buffer {@code [bufferStartMs(), bufferEndMs)}.
   *
   * @param hypothesis the words decoded, media times, in order
   * @param bufferEndMs media time just after the decoded audio
   */
  public Update accept(List<Word> hypothesis, long bufferEndMs) {
    agreement.insert(hypothesis);
    if (bufferEndMs - bufferStartMs > config.trimThresholdMs()) {
      OptionalLong point = trimPolicy.trimPoint(agreement.committed(), bufferStartMs, bufferEndMs);
      if (point.isPresent() && point.getAsLong() > bufferStartMs) {
        bufferStartMs = point.getAsLong();
      } else if (bufferEndMs - bufferStartMs > config.maxBufferMs()) {
        agreement.commitTail();
        long keep = config.maxBufferMs() - config.trimThresholdMs();
        bufferStartMs =
            Math.max(Math.max(bufferStartMs, agreement.committedEndMs()), bufferEndMs - keep);
        bufferStartMs = Math.min(bufferStartMs, bufferEndMs);
      }
    }
    return update();
  }

  /**
   * Ends the segment, committing a last hypothesis over the remaining buffer, or the current tail
   * when {@code finalHypothesis} is null (no audio since the last decode).
   *
   * @return every committed word of the segment
   */
  public List<Word> finish(List<Word> finalHypothesis) {
    if (finalHypothesis == null) {
      agreement.commitTail();
    } else {
      agreement.finish(finalHypothesis);
    }
    return agreement.committed();
  }

  /** Every committed word so far. */
  public List<Word> committed() {
    return agreement.committed();
  }

  /** The current unstable tail. */
  public List<Word> tail() {
    return agreement.tail();
  }

  private Update update() {
    return new Update(agreement.committed(), agreement.tail(), bufferStartMs);
  }
}
