package io.livesubs.inference.bench;

import io.livesubs.inference.asr.Transcript;
import java.util.List;
import java.util.Objects;

/**
 * Timings and output of one {@link RawEngineBenchmark} run. Immutable. xRT figures are audio
 * seconds processed per wall-clock second (higher is faster; 1.0 is real time).
 *
 * @param audioSeconds length of the input audio
 * @param vadWallSeconds wall time of the VAD-only pass
 * @param pipelineWallSeconds wall time of the VAD + ASR pass (NaN when no ASR engine was given)
 * @param asrWallSeconds part of the VAD + ASR pass spent inside the ASR engine (NaN without ASR)
 * @param speechSeconds total length of the detected speech segments
 * @param segments the detected segments with their final transcripts (empty without ASR)
 * @param segmentCount number of detected speech segments
 */
public record BenchmarkResult(
    double audioSeconds,
    double vadWallSeconds,
    double pipelineWallSeconds,
    double asrWallSeconds,
    double speechSeconds,
    int segmentCount,
    List<Segment> segments) {

  /** Copies the segment list. */
  public BenchmarkResult {
    segments = List.copyOf(segments);
  }

  /** VAD alone: audio seconds per wall second. */
  public double vadXrt() {
    return audioSeconds / vadWallSeconds;
  }

  /** VAD + ASR on the detected speech: audio seconds per wall second (NaN without ASR). */
  public double pipelineXrt() {
    return audioSeconds / pipelineWallSeconds;
  }

  /** ASR alone: detected speech seconds per second spent in the engine (NaN without ASR). */
  public double asrSpeechXrt() {
    return speechSeconds / asrWallSeconds;
  }

  /** All final transcripts joined by spaces, in segment order. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      if (!s.transcript().text().isEmpty()) {
        sb.append(sb.length() == 0 ? "" : " ").append(s.transcript().text());
      }
    }
    return sb.toString();
  }

  /**
   * One detected speech segment and its final transcript.
   *
   * @param startSample absolute offset of the segment start
   * @param endSample absolute offset of the segment end (exclusive)
   * @param transcript final hypothesis with media-time words
   */
  public record Segment(long startSample, long endSample, Transcript transcript) {
    /** Validates the components. */
    public Segment {
      Objects.requireNonNull(transcript, "transcript");
    }
  }
}
