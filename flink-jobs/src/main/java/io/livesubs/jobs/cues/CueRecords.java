package io.livesubs.jobs.cues;

import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.TimedWord;
import io.livesubs.jobs.speech.Recognition;
import io.livesubs.jobs.speech.RecognizedWord;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.WordTiming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link SubtitleCue} records of {@link CueEmitter} from a {@link Recognition}. Every
 * field except {@code emittedAtMs} follows from the recognition and the cue's identity, so the same
 * input gives the same cues, whenever and however often it is processed. Stateless.
 */
final class CueRecords {

  private CueRecords() {}

  /** The recognised words as caption words, in start order (stable for equal starts). */
  static Words words(Recognition in) {
    RecognizedWord[] sorted = in.words().clone();
    Arrays.sort(sorted, Comparator.comparingLong(RecognizedWord::startMs));
    List<TimedWord> timed = new ArrayList<>(sorted.length);
    Map<TimedWord, Float> confidence = new IdentityHashMap<>();
    for (RecognizedWord w : sorted) {
      TimedWord t = new TimedWord(w.text(), w.startMs(), Math.max(w.startMs(), w.endMs()));
      timed.add(t);
      confidence.put(t, w.confidence());
    }
    return new Words(timed, confidence);
  }

  /** {@code words} as caption words, in start order (stable for equal starts). */
  static List<TimedWord> timed(RecognizedWord[] words) {
    RecognizedWord[] sorted = words.clone();
    Arrays.sort(sorted, Comparator.comparingLong(RecognizedWord::startMs));
    List<TimedWord> timed = new ArrayList<>(sorted.length);
    for (RecognizedWord w : sorted) {
      timed.add(new TimedWord(w.text(), w.startMs(), Math.max(w.startMs(), w.endMs())));
    }
    return timed;
  }

  /**
   * Caption words and the engine's confidence in each (looked up by identity: the shaper hands on
   * the same word objects, and the pieces of a word it had to split have no confidence).
   */
  record Words(List<TimedWord> list, Map<TimedWord, Float> confidence) {

    /** These words without the ones in the committed {@code region}. */
    Words after(CommittedRegion region) {
      return new Words(region.after(list), confidence);
    }
  }

  /** A partial (not final) revision showing {@code lines}, the tail of {@code shown}. */
  static SubtitleCue partial(
      Recognition in,
      long cueSeq,
      int revision,
      List<String> lines,
      Words shown,
      long emittedAtMs) {
    List<TimedWord> list = shown.list();
    long start = list.isEmpty() ? in.segmentStartMs() : list.get(0).startMs();
    long end = Math.max(start, in.segmentEndMs());
    List<WordTiming> words = new ArrayList<>(list.size());
    for (TimedWord w : list) {
      words.add(new WordTiming(w.text(), w.startMs(), w.endMs(), shown.confidence().get(w)));
    }
    return cue(in, cueSeq, revision, false, start, end, lines, words, emittedAtMs);
  }

  /** A final cue shaped from the recognition's words. */
  static SubtitleCue shaped(
      Recognition in,
      long cueSeq,
      int revision,
      ShapedCue shaped,
      Map<TimedWord, Float> confidence,
      long emittedAtMs) {
    List<WordTiming> words = new ArrayList<>(shaped.words().size());
    for (TimedWord w : shaped.words()) {
      words.add(new WordTiming(w.text(), w.startMs(), w.endMs(), confidence.get(w)));
    }
    return cue(
        in,
        cueSeq,
        revision,
        true,
        shaped.startMs(),
        shaped.endMs(),
        shaped.lines(),
        words,
        emittedAtMs);
  }

  /**
   * A final cue without lines for a partial cue whose phrase turned out to have no words: it
   * withdraws what the partials showed (consumers show nothing for a cue without lines).
   */
  static SubtitleCue withdrawn(Recognition in, long cueSeq, int revision, long emittedAtMs) {
    return cue(
        in,
        cueSeq,
        revision,
        true,
        in.segmentStartMs(),
        in.segmentEndMs(),
        List.of(),
        List.of(),
        emittedAtMs);
  }

  /** Capture wall-clock time of media time {@code mediaMs} of the recognition's stream. */
  static long captureTimeMs(Recognition in, long mediaMs) {
    return in.captureAnchorMs() + mediaMs;
  }

  private static SubtitleCue cue(
      Recognition in,
      long cueSeq,
      int revision,
      boolean isFinal,
      long startMs,
      long endMs,
      List<String> lines,
      List<WordTiming> words,
      long emittedAtMs) {
    return SubtitleCue.newBuilder()
        .setStreamId(in.streamId())
        .setLanguage(in.language())
        .setCueSeq(cueSeq)
        .setRevision(revision)
        .setIsFinal(isFinal)
        .setStartMs(startMs)
        .setEndMs(endMs)
        .setLines(List.copyOf(lines))
        .setWords(words)
        .setSourceCue(null)
        .setEngine(in.engine())
        .setCaptureTimeMs(captureTimeMs(in, endMs))
        .setEmittedAtMs(emittedAtMs)
        .build();
  }
}
