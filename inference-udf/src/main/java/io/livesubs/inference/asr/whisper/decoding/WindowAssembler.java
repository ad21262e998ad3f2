package io.livesubs.inference.asr.whisper.decoding;

import java.util.Arrays;
import java.util.List;

/**
 * Judges a finished row with the window guards and builds its {@link WindowResult}. The guards, in
 * order: no text at all; the reference no-speech rule (no-speech probability above the threshold
 * and average log probability not above its threshold); an average log probability below the
 * minimum; a compression ratio above the threshold. Hallucinated text over silence or noise fails
 * the first three, looping text the last.
 *
 * <p>Immutable and thread-safe.
 */
final class WindowAssembler {
  private final SegmentParser parser;

  WindowAssembler(SegmentParser parser) {
    this.parser = parser;
  }

  WindowResult assemble(RowOutcome row, DecodeRequest request) {
    DecodeOptions options = request.options();
    SegmentParser.Parsed parsed =
        parser.parse(row.tokens(), row.logprobs(), row.tokens().length, request.audioSeconds());
    String text =
        String.join(" ", parsed.segments().stream().map(DecodedSegment::text).toList()).strip();
    double ratio = CompressionRatio.of(text);
    DropReason drop = judge(row, options, text, ratio);
    List<Integer> tokens = Arrays.stream(row.tokens()).boxed().toList();
    boolean kept = drop == DropReason.KEPT;
    return new WindowResult(
        kept ? parsed.segments() : List.of(),
        kept ? parsed.words() : List.of(),
        kept ? text : "",
        tokens,
        row.language(),
        row.languageProbability(),
        row.noSpeechProbability(),
        row.avgLogprob(),
        ratio,
        row.finish(),
        drop);
  }

  private static DropReason judge(
      RowOutcome row, DecodeOptions options, String text, double ratio) {
    if (text.isEmpty()) {
      return DropReason.EMPTY;
    }
    if (row.noSpeechProbability() > options.noSpeechThreshold()
        && !(row.avgLogprob() > options.logprobThreshold())) {
      return DropReason.NO_SPEECH;
    }
    if (row.avgLogprob() < options.minAvgLogprob()) {
      return DropReason.LOW_CONFIDENCE;
    }
    if (ratio > options.compressionRatioThreshold()) {
      return DropReason.REPETITIVE;
    }
    return DropReason.KEPT;
  }
}
