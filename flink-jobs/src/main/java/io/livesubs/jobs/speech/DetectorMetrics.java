package io.livesubs.jobs.speech;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The metrics of one {@link SpeechDetector} subtask, since it started:
 *
 * <ul>
 *   <li>{@code audioSecondsProcessed} (gauge): seconds of audio run through the VAD, gaps excluded;
 *   <li>{@code vadRealTimeFactor} (gauge): VAD processing time / audio time (see {@link
 *       RealTimeFactor});
 *   <li>{@code speechRatio} (gauge): share of that audio handed on as speech, 0..1;
 *   <li>{@code speechSegments} (counter): segments started;
 *   <li>{@code lagBehindLiveMs} per stream and {@code maxLagBehindLiveMs} (see {@link
 *       StreamLagGauges}).
 * </ul>
 *
 * <p>Updated from the task thread; gauges read by the metric reporter thread (volatile values).
 */
final class DetectorMetrics {

  final Counter speechSegments;
  final StreamLagGauges lag;
  private final RealTimeFactor rtf = new RealTimeFactor();
  private long audioSamples;
  private long speechSamples;
  private volatile double audioSeconds;
  private volatile double speechRatio;

  DetectorMetrics(MetricGroup group) {
    speechSegments = group.counter("speechSegments");
    group.gauge("audioSecondsProcessed", (Gauge<Double>) () -> audioSeconds);
    group.gauge("vadRealTimeFactor", (Gauge<Double>) rtf::value);
    group.gauge("speechRatio", (Gauge<Double>) () -> speechRatio);
    lag =
        new StreamLagGauges(
            group, StreamLagGauges.DEFAULT_MAX_STREAM_GROUPS, System::currentTimeMillis);
  }

  /** {@code samples} of audio took {@code nanos}; {@code speech} of them were speech. */
  void processed(long samples, long speech, int sampleRate, long nanos) {
    rtf.record(nanos, samples, sampleRate);
    audioSamples += samples;
    speechSamples += speech;
    audioSeconds = (double) audioSamples / sampleRate;
    speechRatio = audioSamples == 0 ? 0 : Math.min(1.0, (double) speechSamples / audioSamples);
  }

  /** The current VAD real-time factor. */
  double vadRealTimeFactor() {
    return rtf.value();
  }
}
