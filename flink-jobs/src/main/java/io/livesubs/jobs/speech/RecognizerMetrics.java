package io.livesubs.jobs.speech;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The metrics of one {@link SpeechRecognizer} subtask: {@code asrRealTimeFactor} (gauge, decoding
 * time / audio time, see {@link RealTimeFactor}; replays after a restore excluded), counters {@code
 * partials}, {@code finals}, {@code sessionsRebuilt} (decoders rebuilt from kept audio after a
 * restore) and {@code segmentsSkippedLanguage} (segments of streams whose language the engine does
 * not recognise). Updated from the task thread; gauges read by the reporter thread.
 */
final class RecognizerMetrics {

  final Counter partials;
  final Counter finals;
  final Counter sessionsRebuilt;
  final Counter segmentsSkippedLanguage;
  private final RealTimeFactor rtf = new RealTimeFactor();

  RecognizerMetrics(MetricGroup group) {
    partials = group.counter("partials");
    finals = group.counter("finals");
    sessionsRebuilt = group.counter("sessionsRebuilt");
    segmentsSkippedLanguage = group.counter("segmentsSkippedLanguage");
    group.gauge("asrRealTimeFactor", (Gauge<Double>) rtf::value);
  }

  /** Decoding {@code samples} took {@code nanos}. */
  void decoded(long samples, int sampleRate, long nanos) {
    rtf.record(nanos, samples, sampleRate);
  }

  /** The current ASR real-time factor. */
  double asrRealTimeFactor() {
    return rtf.value();
  }
}
