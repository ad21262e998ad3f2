package io.livesubs.jobs.testing;

import io.livesubs.jobs.ordering.OrderedAudio;
import io.livesubs.jobs.source.PcmChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Real audio cut into the chunks a producer would send, for the recognition stages' tests. */
public final class SpeechStreams {

  /** Sample rate of all test audio. */
  public static final int RATE = 16_000;

  /** Samples per chunk: 200 ms. */
  public static final int CHUNK = 3_200;

  private SpeechStreams() {}

  /** {@code audio} as contiguous PCM chunks from capture time {@code t0}; the last one ends it. */
  public static List<PcmChunk> chunks(String streamId, short[] audio, long t0, String language) {
    List<PcmChunk> out = new ArrayList<>();
    for (int offset = 0, seq = 0; offset < audio.length; offset += CHUNK, seq++) {
      short[] samples = Arrays.copyOfRange(audio, offset, Math.min(audio.length, offset + CHUNK));
      boolean last = offset + CHUNK >= audio.length;
      out.add(
          new PcmChunk(
              streamId, seq, t0 + offset * 1000L / RATE, offset, RATE, samples, last, language));
    }
    return out;
  }

  /** {@code audio} as the ordering stage emits it: DATA elements, then END. */
  public static List<OrderedAudio> ordered(String streamId, short[] audio, long t0) {
    List<OrderedAudio> out = new ArrayList<>();
    List<PcmChunk> chunks = chunks(streamId, audio, t0, "en");
    for (PcmChunk chunk : chunks) {
      out.add(OrderedAudio.data(chunk));
    }
    out.add(end(streamId, audio.length, t0));
    return out;
  }

  /** The END element of a stream of {@code samples} samples captured from {@code t0}. */
  public static OrderedAudio end(String streamId, long samples, long t0) {
    return OrderedAudio.end(
        streamId, samples / CHUNK, samples, RATE, t0 + samples * 1000 / RATE, "en");
  }

  /** Clips joined with {@code silenceMs} of digital silence between them (and none at the ends). */
  public static short[] join(List<short[]> clips, int silenceMs) {
    int gap = silenceMs * RATE / 1000;
    int total = clips.stream().mapToInt(c -> c.length).sum() + gap * Math.max(0, clips.size() - 1);
    short[] out = new short[total];
    int at = 0;
    for (short[] clip : clips) {
      System.arraycopy(clip, 0, out, at, clip.length);
      at += clip.length + gap;
    }
    return out;
  }
}
