package io.livesubs.jobs.speech;

import io.livesubs.inference.vad.SegmenterSnapshot;
import io.livesubs.inference.vad.SileroVad;
import io.livesubs.inference.vad.SpeechEnd;
import io.livesubs.inference.vad.SpeechSegmenter;
import io.livesubs.inference.vad.SpeechStart;
import io.livesubs.inference.vad.VadConfig;
import io.livesubs.inference.vad.VadEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * One stream's voice activity detection for the span of one input element: a {@link
 * SpeechSegmenter} and the retained audio, rebuilt from {@link DetectorState}, turned into {@link
 * SpeechAudio} (speech only) and written back with {@link #toState()}.
 *
 * <p>Audio of an open segment is handed on as soon as it is certain to belong to the segment, and
 * not before, so the recogniser receives exactly {@code [start, end)} of every segment: a segment
 * that ends in silence ends at the start of that silence plus the padding, so while a silent run is
 * under way only audio up to that point is released. Everything else is released at the last
 * complete VAD window.
 *
 * <p>Mutable, single-threaded, used for one element of one stream and then dropped.
 */
final class StreamVad {

  private final String streamId;
  private final SpeechSegmenter segmenter;
  private final RetainedAudio audio;
  private final long padSamples;
  private boolean inSegment;
  private long segmentStart;
  private long emittedUpTo;
  private long speechSamples;

  private Consumer<SpeechAudio> out;
  private int sampleRate;
  private long anchorMs;
  private String languageHint;

  private StreamVad(
      String streamId, SpeechSegmenter segmenter, RetainedAudio audio, VadConfig config) {
    this.streamId = streamId;
    this.segmenter = segmenter;
    this.audio = audio;
    this.padSamples = VadConfig.samples(config.speechPadMs());
  }

  /** A stream whose first sample is {@code firstSample}. */
  static StreamVad start(SileroVad vad, VadConfig config, String streamId, long firstSample) {
    return new StreamVad(
        streamId,
        new SpeechSegmenter(vad, config, firstSample),
        RetainedAudio.empty(firstSample),
        config);
  }

  /** A stream continuing from {@code state}. */
  static StreamVad resume(SileroVad vad, VadConfig config, String streamId, DetectorState state) {
    SpeechSegmenter segmenter = new SpeechSegmenter(vad, config, state.audioStart());
    segmenter.restore(SegmenterSnapshot.fromBytes(state.segmenter()));
    StreamVad v =
        new StreamVad(
            streamId,
            segmenter,
            RetainedAudio.of(state.audioStart(), state.audio(), state.audioEnd()),
            config);
    v.inSegment = state.inSegment();
    v.segmentStart = state.segmentStart();
    v.emittedUpTo = state.emittedUpTo();
    return v;
  }

  /** Sets where output goes and what it is stamped with, for the element being processed. */
  void begin(Consumer<SpeechAudio> out, int sampleRate, long anchorMs, String languageHint) {
    this.out = out;
    this.sampleRate = sampleRate;
    this.anchorMs = anchorMs;
    this.languageHint = languageHint;
  }

  /** Next sample expected. */
  long position() {
    return segmenter.position();
  }

  /** Samples of speech emitted as AUDIO since this object was made. */
  long speechSamples() {
    return speechSamples;
  }

  /** Treats the audio up to {@code target} as missing (silence with exact timing). */
  void advanceTo(long target) {
    long missing = target - segmenter.position();
    if (missing > 0) {
      audio.appendSilence(missing);
      handle(segmenter.acceptGap(missing));
      settle();
    }
  }

  /** Feeds the samples of a chunk that starts at {@code at}; audio already seen is skipped. */
  void accept(short[] samples, long at) {
    advanceTo(at);
    int skip = (int) Math.min(samples.length, Math.max(0, segmenter.position() - at));
    int length = samples.length - skip;
    if (length > 0) {
      audio.append(samples, skip, length);
      handle(segmenter.accept(samples, skip, length));
      settle();
    }
  }

  /** End of stream: closes an open segment at the current position. */
  void finish() {
    handle(segmenter.flush());
  }

  /** The state to keep. */
  DetectorState toState() {
    return new DetectorState(
        segmenter.snapshot().toBytes(),
        audio.start(),
        audio.samples(),
        audio.end(),
        inSegment,
        segmentStart,
        emittedUpTo);
  }

  private void handle(List<VadEvent> events) {
    for (VadEvent event : events) {
      if (event instanceof SpeechStart start) {
        inSegment = true;
        segmentStart = start.sample();
        emittedUpTo = start.sample();
        out.accept(SpeechAudio.start(streamId, segmentStart, sampleRate, anchorMs, languageHint));
      } else if (event instanceof SpeechEnd end) {
        if (!inSegment || end.startSample() != segmentStart) {
          throw new IllegalStateException(
              streamId + ": segment end " + end + " does not match the open segment");
        }
        emitAudioUpTo(end.endSample());
        out.accept(
            SpeechAudio.endSegment(
                streamId, segmentStart, end.endSample(), sampleRate, anchorMs, languageHint));
        inSegment = false;
      }
    }
  }

  /** Releases the audio certain to be speech, then forgets audio no future event can refer to. */
  private void settle() {
    if (inSegment) {
      SegmenterSnapshot s = segmenter.snapshot();
      long certain = s.windowStart();
      if (s.silenceStart() >= 0) {
        certain = Math.min(certain, s.silenceStart() + padSamples);
      }
      emitAudioUpTo(certain);
    }
    audio.dropBefore(inSegment ? emittedUpTo : segmenter.retainFrom());
  }

  private void emitAudioUpTo(long end) {
    if (end > emittedUpTo) {
      short[] samples = audio.slice(emittedUpTo, end);
      out.accept(
          SpeechAudio.audio(
              streamId, segmentStart, emittedUpTo, sampleRate, samples, anchorMs, languageHint));
      speechSamples += samples.length;
      emittedUpTo = end;
    }
  }
}
