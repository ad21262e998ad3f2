package io.livesubs.inference.vad;

import java.util.List;

/**
 * The decision logic of {@link SpeechSegmenter}: turns per-window speech probabilities into {@link
 * VadEvent}s with hysteresis, minimum speech/silence durations, padding and a maximum segment
 * length. Knows nothing about the model, so it is exercised with synthetic probabilities too.
 * Mutable, single-threaded, owned by one segmenter.
 */
final class SegmentTracker {
  static final long NONE = -1;

  private final float startThreshold;
  private final float endThreshold;
  private final long minSpeech;
  private final long minSilence;
  private final long pad;
  private final long maxSegment;
  private final long cutSearchStart;

  private SpeechPhase phase = SpeechPhase.SILENCE;
  private long candidateStart = NONE;
  private long segmentStart = NONE;
  private long lastVoicedEnd = NONE;
  private long silenceStart = NONE;
  private long previousEnd;

  SegmentTracker(VadConfig config, long streamStart) {
    this.startThreshold = config.startThreshold();
    this.endThreshold = config.endThreshold();
    this.minSpeech = VadConfig.samples(config.minSpeechMs());
    this.minSilence = VadConfig.samples(config.minSilenceMs());
    this.pad = VadConfig.samples(config.speechPadMs());
    this.maxSegment = VadConfig.samples(config.maxSegmentMs());
    this.cutSearchStart = maxSegment - VadConfig.samples(config.cutSearchMs());
    this.previousEnd = streamStart;
  }

  /** Feeds the window {@code [start, end)} with speech probability {@code p}. */
  void onWindow(long start, long end, float p, List<VadEvent> out) {
    if (phase == SpeechPhase.SILENCE) {
      if (p >= startThreshold) {
        phase = SpeechPhase.PENDING;
        candidateStart = start;
        lastVoicedEnd = end;
        silenceStart = NONE;
        confirmIfLongEnough(out);
      }
      return;
    }
    if (p >= endThreshold) {
      lastVoicedEnd = end;
      silenceStart = NONE;
    } else if (silenceStart == NONE) {
      silenceStart = start;
    }
    if (silenceStart != NONE && end - silenceStart >= minSilence) {
      if (phase == SpeechPhase.SPEECH) {
        emitEnd(Math.min(silenceStart + pad, end), SpeechEnd.EndReason.SILENCE, out);
      }
      phase = SpeechPhase.SILENCE;
      silenceStart = NONE;
      return;
    }
    if (phase == SpeechPhase.PENDING) {
      confirmIfLongEnough(out);
    } else {
      cutIfTooLong(end, end - start, p, out);
    }
  }

  /** Ends an open segment at {@code position} (end of stream); drops pending speech. */
  void flush(long position, List<VadEvent> out) {
    if (phase == SpeechPhase.SPEECH) {
      long end = silenceStart == NONE ? position : Math.min(silenceStart + pad, position);
      emitEnd(end, SpeechEnd.EndReason.FLUSH, out);
    }
    phase = SpeechPhase.SILENCE;
    silenceStart = NONE;
  }

  /** Earliest sample a future {@link SpeechStart} (or the open segment) can refer to. */
  long retainFrom(long nextWindowStart) {
    return switch (phase) {
      case SPEECH -> segmentStart;
      case PENDING -> Math.max(candidateStart - pad, previousEnd);
      case SILENCE -> Math.max(nextWindowStart - pad, previousEnd);
    };
  }

  SpeechPhase phase() {
    return phase;
  }

  void exportTo(SegmenterSnapshot.Builder b) {
    b.phase(phase)
        .candidateStart(candidateStart)
        .segmentStart(segmentStart)
        .lastVoicedEnd(lastVoicedEnd)
        .silenceStart(silenceStart)
        .previousEnd(previousEnd);
  }

  void restore(SegmenterSnapshot s) {
    phase = s.phase();
    candidateStart = s.candidateStart();
    segmentStart = s.segmentStart();
    lastVoicedEnd = s.lastVoicedEnd();
    silenceStart = s.silenceStart();
    previousEnd = s.previousEnd();
  }

  private void confirmIfLongEnough(List<VadEvent> out) {
    long voiced = lastVoicedEnd - candidateStart;
    if (voiced > 0 && voiced >= minSpeech) {
      phase = SpeechPhase.SPEECH;
      segmentStart = Math.max(candidateStart - pad, previousEnd);
      out.add(new SpeechStart(segmentStart));
    }
  }

  /**
   * Cuts at the current window when the next window would exceed the maximum length, or earlier,
   * inside the cut-search zone, at a quiet window. The bar for "quiet" rises from the end threshold
   * to the start threshold across the zone, so an early cut needs a real dip while a late one takes
   * the best pause available. Cuts never lie in the past: audio already handed to a recogniser
   * stays in the segment it was handed for.
   */
  private void cutIfTooLong(long end, long windowLength, float p, List<VadEvent> out) {
    long length = end - segmentStart;
    boolean forced = length + windowLength > maxSegment;
    boolean quiet = false;
    if (!forced && length >= cutSearchStart) {
      double zone = maxSegment - cutSearchStart;
      double fraction = zone <= 0 ? 1.0 : (length - cutSearchStart) / zone;
      quiet = p < endThreshold + (startThreshold - endThreshold) * fraction;
    }
    if (forced || quiet) {
      emitEnd(end, SpeechEnd.EndReason.MAX_LENGTH, out);
      phase = SpeechPhase.PENDING;
      candidateStart = end;
      lastVoicedEnd = end;
      silenceStart = NONE;
    }
  }

  private void emitEnd(long end, SpeechEnd.EndReason reason, List<VadEvent> out) {
    out.add(new SpeechEnd(segmentStart, end, reason));
    previousEnd = end;
    segmentStart = NONE;
  }
}
