package io.livesubs.app.bench;

import io.livesubs.inference.onnx.ExecutionDevice;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code livesubs bench --engine whisper} should measure. Immutable; the constructor checks
 * every value and names the option that is wrong.
 *
 * @param modelDir the Whisper model folder (checked to exist here; its files when it is opened)
 * @param device where the model runs
 * @param threads ONNX Runtime intra-op threads, 1 to {@value #MAX_THREADS}
 * @param streams live streams of a single live trial, or {@code null} to search the most that keep
 *     a flat lag; 1 to {@link #maxStreams()}
 * @param maxStreams most live streams the search tries, 1 to {@value #MAX_STREAMS}
 * @param batchSizes batch sizes of the raw model phase, ascending, distinct, 1 to {@value
 *     #MAX_BATCH}
 * @param decodeSteps tokens sampled per window, 1 to {@value #MAX_DECODE_STEPS}: the decoder steps
 *     of the batch curve, and in the live phase the forced step count unless {@code freeDecoding}
 * @param freeDecoding decode the live streams normally (the model decides where to stop, the
 *     default guards drop low-confidence text) instead of forcing {@code decodeSteps}
 * @param durationSeconds live audio per stream and trial, 2 to {@value #MAX_SECONDS} s
 * @param stepMs audio between two decodes of a segment, a multiple of {@value #CHUNK_MS} ms, 100 to
 *     5000
 * @param segmentMs length of the speech segments the live streams are cut into (each ends with a
 *     final commit), a multiple of {@value #CHUNK_MS} ms, {@code stepMs} to 25000
 * @param input the WAV file of the live streams, or {@code null} for the default ({@link
 *     BenchAudio})
 * @param json where to write the batch curve and the live trials as JSON, or {@code null}
 */
public record WhisperBenchSettings(
    Path modelDir,
    ExecutionDevice device,
    int threads,
    Integer streams,
    int maxStreams,
    List<Integer> batchSizes,
    int decodeSteps,
    boolean freeDecoding,
    int durationSeconds,
    int stepMs,
    int segmentMs,
    Path input,
    Path json) {

  /** Live audio is fed in chunks of this many milliseconds. */
  public static final int CHUNK_MS = 100;

  /** Most intra-op threads. */
  public static final int MAX_THREADS = 64;

  /** Most live streams. */
  public static final int MAX_STREAMS = 4096;

  /** Largest batch. */
  public static final int MAX_BATCH = 1024;

  /** Most sampled tokens per window (Whisper's text context is 448, half for the prompt). */
  public static final int MAX_DECODE_STEPS = 220;

  /** Longest live trial. */
  public static final int MAX_SECONDS = 3_600;

  /** Longest segment: the engine's forced cut of the buffer is at 25 s. */
  public static final int MAX_SEGMENT_MS = 25_000;

  /** Checks every value. */
  public WhisperBenchSettings {
    Objects.requireNonNull(modelDir, "--model-dir is required with --engine whisper");
    Objects.requireNonNull(device, "device");
    batchSizes = List.copyOf(batchSizes);
    check(
        threads >= 1 && threads <= MAX_THREADS,
        "--threads must be 1 to " + MAX_THREADS + ", got %d",
        threads);
    check(
        maxStreams >= 1 && maxStreams <= MAX_STREAMS,
        "--max-streams must be 1 to " + MAX_STREAMS + ", got %d",
        maxStreams);
    if (streams != null) {
      check(
          streams >= 1 && streams <= maxStreams,
          "--streams must be 1 to " + maxStreams + " (--max-streams), got %d",
          streams);
    }
    if (batchSizes.isEmpty()) {
      throw new IllegalArgumentException("--batch-sizes needs at least one size");
    }
    for (int i = 0; i < batchSizes.size(); i++) {
      int b = batchSizes.get(i);
      check(b >= 1 && b <= MAX_BATCH, "--batch-sizes must be 1 to " + MAX_BATCH + ", got %d", b);
      check(
          i == 0 || b > batchSizes.get(i - 1),
          "--batch-sizes must be ascending without repeats, got %d after a larger or equal size",
          b);
    }
    check(
        decodeSteps >= 1 && decodeSteps <= MAX_DECODE_STEPS,
        "--decode-steps must be 1 to " + MAX_DECODE_STEPS + ", got %d",
        decodeSteps);
    check(
        durationSeconds >= 2 && durationSeconds <= MAX_SECONDS,
        "--duration-s must be 2 to " + MAX_SECONDS + " with --engine whisper, got %d",
        durationSeconds);
    check(
        stepMs >= 100 && stepMs <= 5_000 && stepMs % CHUNK_MS == 0,
        "--step-ms must be a multiple of " + CHUNK_MS + " from 100 to 5000, got %d",
        stepMs);
    check(
        segmentMs >= stepMs && segmentMs <= MAX_SEGMENT_MS && segmentMs % CHUNK_MS == 0,
        "--segment-ms must be a multiple of "
            + CHUNK_MS
            + " from --step-ms ("
            + stepMs
            + ") to "
            + MAX_SEGMENT_MS
            + ", got %d",
        segmentMs);
  }

  /** The default intra-op threads: the machine's cores on the CPU, 1 on a GPU. */
  public static int defaultThreads(ExecutionDevice device) {
    if (device.kind() != ExecutionDevice.Kind.CPU) {
      return 1;
    }
    return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /** The default batch sizes: up to 16 on the CPU, up to 256 on a GPU. */
  public static List<Integer> defaultBatchSizes(ExecutionDevice device) {
    return device.kind() == ExecutionDevice.Kind.CPU
        ? List.of(1, 2, 4, 8, 16)
        : List.of(1, 2, 4, 8, 16, 32, 64, 128, 256);
  }

  private static void check(boolean ok, String format, int value) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, value));
    }
  }
}
