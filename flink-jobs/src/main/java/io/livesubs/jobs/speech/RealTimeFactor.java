package io.livesubs.jobs.speech;

/**
 * Real-time factor of a model stage: processing time divided by the duration of the audio processed
 * (0.1 means ten times faster than real time). The gauge value covers the last complete window of
 * at least {@link #WINDOW_AUDIO_NANOS} of audio, or everything since the start while the first
 * window fills, so it follows load changes instead of averaging over the job's lifetime.
 *
 * <p>Written by the task thread, read by the metric reporter thread: the published value is
 * volatile, the accumulators are touched by the task thread only.
 */
final class RealTimeFactor {

  /** Audio per measurement window: 10 s. */
  static final long WINDOW_AUDIO_NANOS = 10_000_000_000L;

  private long processingNanos;
  private long audioNanos;
  private boolean windowCompleted;
  private volatile double value;

  /** Records that {@code audioSamples} at {@code sampleRate} took {@code processingNanos}. */
  void record(long processingNanos, long audioSamples, int sampleRate) {
    if (sampleRate <= 0) {
      return;
    }
    // Work without audio (a decoder's final pass) counts towards the audio around it.
    this.processingNanos += processingNanos;
    this.audioNanos += Math.max(0, audioSamples) * 1_000_000_000L / sampleRate;
    if (this.audioNanos == 0) {
      return;
    }
    double current = (double) this.processingNanos / this.audioNanos;
    if (audioNanos >= WINDOW_AUDIO_NANOS) {
      this.processingNanos = 0;
      this.audioNanos = 0;
      windowCompleted = true;
      value = current;
    } else if (!windowCompleted) {
      value = current;
    }
  }

  /** The latest value; 0 before any audio. */
  double value() {
    return value;
  }
}
