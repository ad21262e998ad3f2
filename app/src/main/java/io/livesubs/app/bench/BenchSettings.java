package io.livesubs.app.bench;

import io.livesubs.jobs.RecognitionOptions;
import io.livesubs.jobs.RecognitionSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * What {@code livesubs bench} should measure. Immutable; the constructor checks every value and
 * names the option that is wrong.
 *
 * @param input the WAV file to measure on, or {@code null} for the default ({@link BenchAudio})
 * @param streams concurrent live-paced streams of the live phase (and streams of the backlog), 1 to
 *     {@value #MAX_STREAMS}
 * @param durationSeconds audio per live stream, 1 to {@value #MAX_SECONDS} s
 * @param parallelism Flink parallelism of every pipeline phase and threads of the raw engine phase,
 *     1 to {@value #MAX_PARALLELISM}; the {@code --fast} phase runs this many streams
 * @param skipLive leave out the live phase (c)
 * @param skipBacklog leave out the backlog phase (d)
 * @param delivery delivery guarantee of the job's Kafka sinks
 * @param backlogSeconds how long the backlog phase lets the job work through the backlog, 5 to
 *     {@value #MAX_SECONDS} s
 * @param recognitionOptions the job's recognition options ({@code -R key=value}: {@code vad.*},
 *     {@code asr.*}, {@code captions.*}), applied to the raw engines and every pipeline phase alike
 */
public record BenchSettings(
    Path input,
    int streams,
    int durationSeconds,
    int parallelism,
    boolean skipLive,
    boolean skipBacklog,
    DeliveryGuarantee delivery,
    int backlogSeconds,
    Map<String, String> recognitionOptions) {

  /** Most live streams. */
  public static final int MAX_STREAMS = 64;

  /** Most Flink parallelism. */
  public static final int MAX_PARALLELISM = 16;

  /** Longest live audio per stream and longest backlog window. */
  public static final int MAX_SECONDS = 3_600;

  /** Shortest backlog window: shorter says nothing about the heap. */
  public static final int MIN_BACKLOG_SECONDS = 5;

  /** Settings with the job's default recognition settings. */
  public BenchSettings(
      Path input,
      int streams,
      int durationSeconds,
      int parallelism,
      boolean skipLive,
      boolean skipBacklog,
      DeliveryGuarantee delivery,
      int backlogSeconds) {
    this(
        input,
        streams,
        durationSeconds,
        parallelism,
        skipLive,
        skipBacklog,
        delivery,
        backlogSeconds,
        Map.of());
  }

  /** Checks every value. */
  public BenchSettings {
    if (streams < 1 || streams > MAX_STREAMS) {
      throw new IllegalArgumentException(
          "--streams must be 1 to " + MAX_STREAMS + ", got " + streams);
    }
    if (durationSeconds < 1 || durationSeconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "--duration-s must be 1 to " + MAX_SECONDS + ", got " + durationSeconds);
    }
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "--parallelism must be 1 to " + MAX_PARALLELISM + ", got " + parallelism);
    }
    Objects.requireNonNull(delivery, "delivery");
    if (delivery != DeliveryGuarantee.AT_LEAST_ONCE && delivery != DeliveryGuarantee.EXACTLY_ONCE) {
      throw new IllegalArgumentException(
          "--delivery must be at-least-once or exactly-once, got " + delivery);
    }
    if (backlogSeconds < MIN_BACKLOG_SECONDS || backlogSeconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "--backlog-s must be "
              + MIN_BACKLOG_SECONDS
              + " to "
              + MAX_SECONDS
              + ", got "
              + backlogSeconds);
    }
    recognitionOptions = Map.copyOf(recognitionOptions);
    RecognitionOptions.apply(RecognitionSettings.defaults(), recognitionOptions); // names a bad one
  }

  /** The recognition settings of the raw engines and the job: the defaults with the options. */
  public RecognitionSettings recognition() {
    return RecognitionOptions.apply(RecognitionSettings.defaults(), recognitionOptions);
  }

  /** The default parallelism: the machine's cores, within 1 to {@value #MAX_PARALLELISM}. */
  public static int defaultParallelism() {
    return Math.max(1, Math.min(MAX_PARALLELISM, Runtime.getRuntime().availableProcessors()));
  }
}
