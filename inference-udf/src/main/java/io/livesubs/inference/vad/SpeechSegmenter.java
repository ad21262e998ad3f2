package io.livesubs.inference.vad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Per-stream speech segmentation: feed 16 kHz mono audio in any block sizes, get {@link
 * SpeechStart} / {@link SpeechEnd} events in absolute stream sample offsets.
 *
 * <p>Audio is cut into 512-sample windows aligned to the first sample offset given at construction;
 * each window's speech probability ({@link SileroVad}) drives a hysteresis state machine configured
 * by {@link VadConfig}. Missing audio is signalled with {@link #acceptGap(long)} and counts as
 * silence with exact timing.
 *
 * <p>Ownership and threading: one instance per stream, used by one thread; not thread-safe. The
 * shared {@link SileroVad} is not owned (not closed here). The whole state is exported by {@link
 * #snapshot()} and re-imported by {@link #restore(SegmenterSnapshot)}; a restored segmenter emits
 * exactly the events an uninterrupted one would.
 *
 * <p>Because a start is confirmed only after {@link VadConfig#minSpeechMs()}, {@link SpeechStart}
 * refers to audio in the past; callers keep audio from {@link #retainFrom()} on to replay it.
 */
public final class SpeechSegmenter {
  private static final float SHORT_SCALE = 1f / 32768f;
  private static final int WINDOW = SileroVad.WINDOW_SIZE;

  private final SileroVad vad;
  private final VadConfig config;
  private final SegmentTracker tracker;
  private final float[] window = new float[WINDOW];
  private int filled;
  private long windowStart;
  private VadState vadState = VadState.initial();

  /**
   * @param vad the shared model (not closed by this segmenter)
   * @param config segmentation settings
   * @param firstSample absolute stream offset of the first sample that will be fed
   */
  public SpeechSegmenter(SileroVad vad, VadConfig config, long firstSample) {
    this.vad = Objects.requireNonNull(vad, "vad");
    this.config = Objects.requireNonNull(config, "config");
    if (firstSample < 0) {
      throw new IllegalArgumentException("firstSample must be >= 0, was " + firstSample);
    }
    this.windowStart = firstSample;
    this.tracker = new SegmentTracker(config, firstSample);
  }

  /**
   * Feeds float samples in [-1, 1].
   *
   * @return events completed by this audio, in order (often empty; unmodifiable)
   * @throws IllegalArgumentException if a sample is NaN or infinite (nothing of the block is fed)
   */
  public List<VadEvent> accept(float[] samples, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, samples.length);
    for (int i = offset; i < offset + length; i++) {
      if (!Float.isFinite(samples[i])) {
        throw new IllegalArgumentException(
            "Non-finite sample " + samples[i] + " at index " + i + " of the block");
      }
    }
    List<VadEvent> events = new ArrayList<>(2);
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int n = Math.min(WINDOW - filled, end - i);
      System.arraycopy(samples, i, window, filled, n);
      filled += n;
      i += n;
      completeWindowIfFull(events);
    }
    return immutable(events);
  }

  /**
   * Feeds signed 16-bit PCM samples (scaled by 1/32768).
   *
   * @return events completed by this audio, in order (often empty; unmodifiable)
   */
  public List<VadEvent> accept(short[] samples, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, samples.length);
    List<VadEvent> events = new ArrayList<>(2);
    for (int i = offset; i < offset + length; i++) {
      window[filled++] = samples[i] * SHORT_SCALE;
      completeWindowIfFull(events);
    }
    return immutable(events);
  }

  /**
   * Signals {@code samples} missing samples (a gap in the stream), treated as silence. The partial
   * window is completed with zeros and analysed; whole windows inside the gap count as silent
   * without running the model (so long gaps cost nothing), after which the model state restarts
   * because the audio is discontinuous. Window alignment and all offsets stay exact.
   *
   * @return events caused by the gap (e.g. the end of a segment), in order
   */
  public List<VadEvent> acceptGap(long samples) {
    if (samples < 0) {
      throw new IllegalArgumentException("Gap length must be >= 0, was " + samples);
    }
    List<VadEvent> events = new ArrayList<>(2);
    long remaining = samples;
    if (filled > 0 && remaining > 0) {
      int n = (int) Math.min(WINDOW - filled, remaining);
      Arrays.fill(window, filled, filled + n, 0f);
      filled += n;
      remaining -= n;
      completeWindowIfFull(events);
    }
    long wholeWindows = remaining / WINDOW;
    if (wholeWindows > 0) {
      vadState = VadState.initial();
    }
    while (wholeWindows > 0 && tracker.phase() != SpeechPhase.SILENCE) {
      tracker.onWindow(windowStart, windowStart + WINDOW, 0f, events);
      windowStart += WINDOW;
      wholeWindows--;
    }
    // In silence a silent window changes nothing but the position.
    windowStart += wholeWindows * WINDOW;
    int rest = (int) (remaining % WINDOW);
    Arrays.fill(window, 0, rest, 0f);
    filled = rest;
    return immutable(events);
  }

  /**
   * End of stream: closes an open segment at the current position (or at its silence plus padding)
   * and drops pending speech shorter than the minimum. The segmenter stays usable.
   */
  public List<VadEvent> flush() {
    List<VadEvent> events = new ArrayList<>(1);
    tracker.flush(position(), events);
    return immutable(events);
  }

  /** Absolute offset of the next sample to be fed. */
  public long position() {
    return windowStart + filled;
  }

  /** The current phase. */
  public SpeechPhase phase() {
    return tracker.phase();
  }

  /**
   * The earliest absolute sample any future event (or the open segment) can start at; audio before
   * it is no longer needed for replay.
   */
  public long retainFrom() {
    return tracker.retainFrom(windowStart);
  }

  /** The configuration. */
  public VadConfig config() {
    return config;
  }

  /** Exports the complete state; see {@link SegmenterSnapshot}. */
  public SegmenterSnapshot snapshot() {
    SegmenterSnapshot.Builder b = new SegmenterSnapshot.Builder();
    tracker.exportTo(b);
    return b.build(vadState, windowStart, Arrays.copyOf(window, filled));
  }

  /** Replaces the whole state with {@code snapshot} (taken with the same {@link VadConfig}). */
  public void restore(SegmenterSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    float[] pending = snapshot.pendingSamples();
    System.arraycopy(pending, 0, window, 0, pending.length);
    filled = pending.length;
    windowStart = snapshot.windowStart();
    vadState = snapshot.vadState();
    tracker.restore(snapshot);
  }

  private static List<VadEvent> immutable(List<VadEvent> events) {
    return events.isEmpty() ? List.of() : List.copyOf(events);
  }

  private void completeWindowIfFull(List<VadEvent> events) {
    if (filled < WINDOW) {
      return;
    }
    VadStep step = vad.step(window, vadState);
    vadState = step.next();
    tracker.onWindow(windowStart, windowStart + WINDOW, step.probability(), events);
    windowStart += WINDOW;
    filled = 0;
  }
}
