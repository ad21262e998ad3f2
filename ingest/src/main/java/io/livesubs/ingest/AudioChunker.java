package io.livesubs.ingest;

import io.livesubs.ingest.audio.PcmFormat;
import io.livesubs.ingest.audio.PcmSamples;
import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.AudioEncoding;
import io.livesubs.schemas.StreamIds;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts one stream of wire-format audio (16 kHz mono s16le) into {@link AudioChunk} records. Pure:
 * no I/O, no clock; the stream start time is given.
 *
 * <p>Guarantees: every sample fed in comes out exactly once, in order; chunks carry {@code seq} 0,
 * 1, 2, … without holes; {@code mediaOffsetSamples} of each chunk is the exact count of samples
 * before it; {@code captureTimeMs} is {@code streamStartEpochMs} plus the media offset in whole
 * milliseconds (so it never decreases). Every chunk holds {@code chunkSamples} samples except the
 * last audio chunk, which holds the remainder; {@link #finish()} then adds an end-of-stream chunk
 * with an empty payload and {@code endOfStream = true}. Not thread-safe.
 */
public final class AudioChunker {

  private static final Logger LOG = LoggerFactory.getLogger(AudioChunker.class);

  private final String streamId;
  private final int chunkSamples;
  private final long streamStartEpochMs;
  private final String languageHint;
  private final byte[] pending;
  private int pendingBytes;
  private long nextSeq;
  private long samplesEmitted;
  private boolean finished;

  /**
   * @param streamId the stream id (validated with {@link StreamIds#validate})
   * @param chunkSamples samples per chunk, positive
   * @param streamStartEpochMs wall-clock time of the first sample, epoch milliseconds
   * @param languageHint BCP-47 language of the speech, or null when unknown
   */
  public AudioChunker(
      String streamId, int chunkSamples, long streamStartEpochMs, String languageHint) {
    this.streamId = StreamIds.validate(streamId);
    if (chunkSamples <= 0) {
      throw new IllegalArgumentException("chunkSamples must be positive, was " + chunkSamples);
    }
    this.chunkSamples = chunkSamples;
    this.streamStartEpochMs = streamStartEpochMs;
    this.languageHint = languageHint;
    this.pending = new byte[chunkSamples * PcmFormat.BYTES_PER_SAMPLE];
  }

  /** The stream id on every chunk. */
  public String streamId() {
    return streamId;
  }

  /** Samples per full chunk. */
  public int chunkSamples() {
    return chunkSamples;
  }

  /** Chunks emitted so far, the end-of-stream chunk included. */
  public long chunksEmitted() {
    return nextSeq;
  }

  /** Samples emitted in chunks so far (samples still buffered are not counted). */
  public long samplesEmitted() {
    return samplesEmitted;
  }

  /** Whether {@link #finish()} was called. */
  public boolean isFinished() {
    return finished;
  }

  /** Feeds {@code len} samples and returns the chunks they complete (possibly none). */
  public List<AudioChunk> accept(short[] samples, int off, int len) {
    Objects.checkFromIndexSize(off, len, samples.length);
    checkOpen();
    List<AudioChunk> out = new ArrayList<>();
    int done = 0;
    while (done < len) {
      int room = (pending.length - pendingBytes) / PcmFormat.BYTES_PER_SAMPLE;
      int n = Math.min(room, len - done);
      PcmSamples.toLittleEndian(samples, off + done, n, pending, pendingBytes);
      pendingBytes += n * PcmFormat.BYTES_PER_SAMPLE;
      done += n;
      if (pendingBytes == pending.length) {
        out.add(emit(false));
      }
    }
    return out;
  }

  /**
   * Feeds {@code len} bytes of s16le samples and returns the chunks they complete. The bytes may
   * split a sample: a dangling byte is kept for the next call.
   */
  public List<AudioChunk> acceptPcm16(byte[] le, int off, int len) {
    Objects.checkFromIndexSize(off, len, le.length);
    checkOpen();
    List<AudioChunk> out = new ArrayList<>();
    int done = 0;
    while (done < len) {
      int n = Math.min(pending.length - pendingBytes, len - done);
      System.arraycopy(le, off + done, pending, pendingBytes, n);
      pendingBytes += n;
      done += n;
      if (pendingBytes == pending.length) {
        out.add(emit(false));
      }
    }
    return out;
  }

  /**
   * Ends the stream: returns the final partial chunk (when samples are buffered) followed by the
   * end-of-stream chunk. A dangling half sample from {@link #acceptPcm16} is dropped.
   */
  public List<AudioChunk> finish() {
    checkOpen();
    finished = true;
    if (pendingBytes % 2 != 0) {
      LOG.warn("stream {} ended with half a sample; its last byte is dropped", streamId);
      pendingBytes--;
    }
    List<AudioChunk> out = new ArrayList<>(2);
    if (pendingBytes > 0) {
      out.add(emit(false));
    }
    out.add(emit(true));
    return out;
  }

  private AudioChunk emit(boolean endOfStream) {
    byte[] payload = Arrays.copyOf(pending, pendingBytes);
    AudioChunk chunk =
        AudioChunk.newBuilder()
            .setStreamId(streamId)
            .setSeq(nextSeq++)
            .setCaptureTimeMs(streamStartEpochMs + PcmFormat.samplesToMs(samplesEmitted))
            .setMediaOffsetSamples(samplesEmitted)
            .setSampleRate(PcmFormat.SAMPLE_RATE)
            .setChannels(PcmFormat.CHANNELS)
            .setEncoding(AudioEncoding.PCM_S16LE)
            .setPayload(ByteBuffer.wrap(payload))
            .setEndOfStream(endOfStream)
            .setLanguageHint(languageHint)
            .build();
    samplesEmitted += payload.length / PcmFormat.BYTES_PER_SAMPLE;
    pendingBytes = 0;
    return chunk;
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("stream " + streamId + " already ended");
    }
  }
}
