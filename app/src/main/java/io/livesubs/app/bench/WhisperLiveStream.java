package io.livesubs.app.bench;

import io.livesubs.inference.asr.AsrEngine;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.ingest.audio.PcmFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * One live-paced stream of the Whisper live phase, run on its own thread: chunk {@code k} of {@link
 * WhisperBenchSettings#CHUNK_MS} ms becomes available at {@code start + (k + 1) * chunk} on the
 * wall clock (as from a microphone) and is fed to the stream's current session as soon as it is
 * available, or at once when the stream is behind. The audio is cut into segments of {@code
 * segmentMs}, each its own session that ends with {@link AsrSession#finish()} (the final commit);
 * the step and segment are multiples of the chunk, so every decode point is the end of a chunk.
 *
 * <p>Recorded in the shared {@link WhisperLiveRecorder}: for each decoded window, its latency (the
 * call that decoded it returned, minus the time its last sample became available) as a lag sample;
 * for each segment, the final-commit latency (finish returned, minus the time the segment's last
 * sample became available). Owned by its thread; stops early when {@code stop} is set.
 */
final class WhisperLiveStream implements Runnable {

  private final AsrEngine engine;
  private final StreamAudio audio;
  private final long phaseStartNanos;
  private final long streamStartNanos;
  private final int stepChunks;
  private final int segmentChunks;
  private final long chunks;
  private final AtomicBoolean stop;
  private final WhisperLiveRecorder recorder;

  /**
   * @param engine the shared engine
   * @param audio this stream's audio
   * @param phaseStartNanos {@link System#nanoTime()} at the start of the phase (lag sample times)
   * @param streamStartNanos when this stream's first sample is spoken
   * @param stepMs the engine's step
   * @param segmentMs segment length
   * @param stop set to stop feeding
   * @param recorder where the measurements go
   */
  WhisperLiveStream(
      AsrEngine engine,
      StreamAudio audio,
      long phaseStartNanos,
      long streamStartNanos,
      int stepMs,
      int segmentMs,
      AtomicBoolean stop,
      WhisperLiveRecorder recorder) {
    this.engine = engine;
    this.audio = audio;
    this.phaseStartNanos = phaseStartNanos;
    this.streamStartNanos = streamStartNanos;
    this.stepChunks = stepMs / WhisperBenchSettings.CHUNK_MS;
    this.segmentChunks = segmentMs / WhisperBenchSettings.CHUNK_MS;
    int chunkSamples = PcmFormat.samplesForMs(WhisperBenchSettings.CHUNK_MS);
    this.chunks = (audio.length() + chunkSamples - 1) / chunkSamples;
    this.stop = stop;
    this.recorder = recorder;
  }

  @Override
  public void run() {
    short[] chunk = new short[PcmFormat.samplesForMs(WhisperBenchSettings.CHUNK_MS)];
    long chunkNanos = TimeUnit.MILLISECONDS.toNanos(WhisperBenchSettings.CHUNK_MS);
    AsrSession session = null;
    try {
      for (long k = 0; k < chunks && !stop.get(); k++) {
        long available = streamStartNanos + (k + 1) * chunkNanos;
        waitUntil(available);
        if (stop.get()) {
          break;
        }
        long inSegment = k % segmentChunks;
        if (inSegment == 0) {
          session = engine.openSession(sessionConfig(k * chunk.length));
        }
        int n = audio.read(k * chunk.length, chunk);
        session.acceptWaveform(chunk, 0, n);
        long decoded = System.nanoTime();
        if ((inSegment + 1) % stepChunks == 0) {
          recorder.window(decoded - phaseStartNanos, decoded - available);
        }
        if (inSegment == segmentChunks - 1 || k == chunks - 1) {
          session.finish();
          recorder.finalCommit(System.nanoTime() - available);
          session = null;
        }
      }
    } catch (RuntimeException e) {
      recorder.failed(e);
    } finally {
      if (session != null) {
        session.close();
      }
    }
  }

  private AsrSessionConfig sessionConfig(long startSample) {
    return AsrSessionConfig.builder()
        .startSample(startSample)
        .language("en")
        .partialIntervalMs(0)
        .build();
  }

  /** Pacing to the wall clock (not synchronisation): the audio is not there before its time. */
  private void waitUntil(long nanos) {
    long left;
    while ((left = nanos - System.nanoTime()) > 0 && !stop.get()) {
      LockSupport.parkNanos(left);
    }
  }
}
