package io.livesubs.app.demo;

import io.livesubs.schemas.StreamIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

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
 * @param translateTo BCP-47 languages to translate the captions into (none: no translation); at
 *     most {@value #MAX_TARGETS}, distinct, none equal to {@code language}
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
    Duration endTimeout,
    List<String> translateTo) {

  /** Most concurrent streams a demo runs. */
  public static final int MAX_STREAMS = 64;

  /** Audio per chunk sent to Kafka. */
  public static final int CHUNK_MS = 200;

  /** Stream id of a single-stream demo, and the prefix of {@code demo-1..demo-N}. */
  public static final String STREAM_PREFIX = "demo";

  /** Most target languages of {@code --translate}. */
  public static final int MAX_TARGETS = 8;

  private static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*";

  /** Settings without translation. */
  public DemoSettings(
      Path input,
      int streams,
      boolean realtime,
      Path outDir,
      boolean keepRunning,
      int httpPort,
      int webPort,
      String language,
      Duration endTimeout) {
    this(
        input,
        streams,
        realtime,
        outDir,
        keepRunning,
        httpPort,
        webPort,
        language,
        endTimeout,
        List.of());
  }

  /** Checks every value; copies the target list. */
  public DemoSettings {
    if (streams < 1 || streams > MAX_STREAMS) {
      throw new IllegalArgumentException(
          "--streams must be 1 to " + MAX_STREAMS + ", got " + streams);
    }
    Objects.requireNonNull(outDir, "outDir");
    checkPort("--http-port", httpPort);
    checkPort("--web-port", webPort);
    if (language == null || !language.matches(LANGUAGE_TAG)) {
      throw new IllegalArgumentException("--language must be a BCP-47 tag, got " + language);
    }
    translateTo = checkTargets(language, translateTo == null ? List.of() : translateTo);
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

  /** The languages of every stream's timelines: the spoken one first, then the targets. */
  public List<String> languages() {
    List<String> all = new ArrayList<>();
    all.add(language.toLowerCase(Locale.ROOT));
    all.addAll(translateTo);
    return all;
  }

  /** Whether the captions are translated. */
  public boolean translates() {
    return !translateTo.isEmpty();
  }

  private static List<String> checkTargets(String language, List<String> targets) {
    if (targets.size() > MAX_TARGETS) {
      throw new IllegalArgumentException(
          "--translate takes at most " + MAX_TARGETS + " languages, got " + targets.size());
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String target : targets) {
      if (target == null || !target.strip().matches(LANGUAGE_TAG)) {
        throw new IllegalArgumentException(
            "--translate needs BCP-47 language tags such as es or pt-BR, got '" + target + "'");
      }
      String tag = target.strip().toLowerCase(Locale.ROOT);
      if (tag.equalsIgnoreCase(language)) {
        throw new IllegalArgumentException(
            "--translate " + tag + " is the spoken language (--language " + language + ")");
      }
      if (!seen.add(tag)) {
        throw new IllegalArgumentException("--translate lists " + tag + " twice");
      }
    }
    return List.copyOf(seen);
  }

  private static void checkPort(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(option + " must be 0..65535, got " + port);
    }
  }
}
