package io.livesubs.app.demo;

import io.livesubs.schemas.StreamIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code livesubs demo} should do. Immutable; the constructor checks every value and names the
 * bad one.
 *
 * @param input a WAV file to caption, or {@code null} for the recorded LibriVox speech ({@link
 *     LibriVoxClips})
 * @param streams how many concurrent streams carry the input, 1..{@value #MAX_STREAMS}
 * @param realtime pace the audio like a live stream (else as fast as Kafka takes it)
 * @param outDir where the subtitle files, {@code cues.jsonl} and {@code summary.json} go
 * @param keepRunning keep everything up after the streams ended, until Ctrl-C
 * @param httpPort port of the subtitle service and player page; 0 for any free port
 * @param webPort preferred port of the Flink web UI; a free one is used when it is taken
 * @param language spoken language, sent as the chunks' language hint
 * @param endTimeout how long to wait for the end-of-stream markers after the audio was sent, or
 *     {@code null} to derive it from the audio duration ({@link #endTimeoutFor})
 */
public record DemoSettings(
    Path input,
    int streams,
    boolean realtime,
    Path outDir,
    boolean keepRunning,
    int httpPort,
    int webPort,
    String language,
    Duration endTimeout) {

  /** Most concurrent streams a demo runs. */
  public static final int MAX_STREAMS = 64;

  /** Audio per chunk sent to Kafka. */
  public static final int CHUNK_MS = 200;

  /** Stream id of a single-stream demo, and the prefix of {@code demo-1..demo-N}. */
  public static final String STREAM_PREFIX = "demo";

  /** Checks every value. */
  public DemoSettings {
    if (streams < 1 || streams > MAX_STREAMS) {
      throw new IllegalArgumentException(
          "--streams must be 1 to " + MAX_STREAMS + ", got " + streams);
    }
    Objects.requireNonNull(outDir, "outDir");
    checkPort("--http-port", httpPort);
    checkPort("--web-port", webPort);
    if (language == null || !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
      throw new IllegalArgumentException("--language must be a BCP-47 tag, got " + language);
    }
    if (endTimeout != null && (endTimeout.isNegative() || endTimeout.isZero())) {
      throw new IllegalArgumentException("--end-timeout must be positive, got " + endTimeout);
    }
  }

  /** The stream ids: {@code demo} alone, or {@code demo-1 .. demo-N}. */
  public List<String> streamIds() {
    if (streams == 1) {
      return List.of(STREAM_PREFIX);
    }
    List<String> ids = new ArrayList<>(streams);
    for (int i = 1; i <= streams; i++) {
      ids.add(StreamIds.validate(STREAM_PREFIX + "-" + i));
    }
    return ids;
  }

  /**
   * The wait for end-of-stream markers after the last chunk was sent: the configured one, else two
   * minutes plus the audio's duration per stream (a slow machine may process the streams one after
   * another, each no faster than real time).
   */
  public Duration endTimeoutFor(double audioSeconds) {
    if (endTimeout != null) {
      return endTimeout;
    }
    return Duration.ofSeconds(120).plusMillis(Math.round(audioSeconds * 1000 * streams));
  }

  private static void checkPort(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(option + " must be 0..65535, got " + port);
    }
  }
}
