package io.livesubs.app.bench;

import io.livesubs.app.bench.WhisperModelTiming.BatchTiming;
import java.util.Comparator;
import java.util.List;

/**
 * Phase (2) of {@code bench --engine whisper}: what the raw model timings mean for streams under
 * the streaming policy, where every stream sends one window every {@code stepMs} of audio and each
 * window costs one encoder pass plus {@code stepsPerWindow} decoder steps. Pure arithmetic;
 * immutable and thread-safe.
 *
 * @param points one per measured batch size, ascending
 */
record WhisperBatchCurve(List<WhisperBatchCurve.Point> points) {

  /** Copies the points; at least one. */
  WhisperBatchCurve {
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a batch curve needs at least one point");
    }
  }

  /**
   * The cost of one batch size for streams.
   *
   * @param batch windows per batch
   * @param encoderMs encoder milliseconds per batch
   * @param decoderMsPerStep decoder milliseconds per step of the batch
   * @param stepsPerWindow decoder steps per window (forced prefix plus sampled tokens)
   * @param stepMs audio between two windows of a stream
   */
  record Point(
      int batch, double encoderMs, double decoderMsPerStep, int stepsPerWindow, int stepMs) {

    /** Wall time of one batch: the encoder and every decoder step. */
    double batchMs() {
      return encoderMs + stepsPerWindow * decoderMsPerStep;
    }

    /** Encoder milliseconds per window. */
    double encoderMsPerWindow() {
      return encoderMs / batch;
    }

    /** Windows decoded per wall second with batches of this size back to back. */
    double windowsPerSecond() {
      return batch * 1000.0 / batchMs();
    }

    /**
     * Wall seconds per audio second of one stream whose every window waits for a whole batch of
     * this size: the real-time factor per stream (it keeps up when at most 1).
     */
    double rtfPerStream() {
      return batchMs() / stepMs;
    }

    /**
     * The inverse of {@link #rtfPerStream()}: audio seconds one stream advances per wall second.
     */
    double xrtPerStream() {
      return stepMs / batchMs();
    }

    /**
     * Live streams that keep the model busy with back-to-back batches of this size: windows per
     * second times the step ({@code batch * xrtPerStream()}).
     */
    double streams() {
      return windowsPerSecond() * stepMs / 1000.0;
    }

    /** Whether a stream decoded in batches of this size keeps up with live audio. */
    boolean keepsUp() {
      return batchMs() <= stepMs;
    }
  }

  /** The curve of {@code timings} under the streaming policy. */
  static WhisperBatchCurve of(List<BatchTiming> timings, int stepsPerWindow, int stepMs) {
    return new WhisperBatchCurve(
        timings.stream()
            .sorted(Comparator.comparingInt(BatchTiming::batch))
            .map(
                t ->
                    new Point(
                        t.batch(), t.encoderMs(), t.decoderMsPerStep(), stepsPerWindow, stepMs))
            .toList());
  }

  /** The batch size with the most windows per second; the smaller one on a tie. */
  Point best() {
    Point best = points.get(0);
    for (Point p : points) {
      if (p.windowsPerSecond() > best.windowsPerSecond()) {
        best = p;
      }
    }
    return best;
  }

  /**
   * Live streams the model alone could serve: the most {@link Point#streams()} among batch sizes
   * whose streams keep up, rounded down; 0 when a single window takes longer than a step. An upper
   * bound of the live phase (which adds the log-mel spectrogram, decoding logic and imperfect
   * batches) and where its search starts.
   */
  int predictedStreams() {
    return points.stream()
        .filter(Point::keepsUp)
        .mapToInt(p -> (int) Math.floor(p.streams()))
        .max()
        .orElse(0);
  }
}
