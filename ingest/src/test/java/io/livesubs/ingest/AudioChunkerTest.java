package io.livesubs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.AudioEncoding;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioChunkerTest {

  private static final long START_MS = 1_700_000_000_123L;

  /** Distinct, position-revealing samples: sample i has value (i * 7919) as a short. */
  private static short[] ramp(int n) {
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) (i * 7919);
    }
    return s;
  }

  private static short[] payloadSamples(AudioChunk chunk) {
    ByteBuffer b = chunk.getPayload().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    short[] out = new short[b.remaining() / 2];
    b.asShortBuffer().get(out);
    return out;
  }

  private static List<AudioChunk> chunkInRandomBlocks(short[] input, int chunkSamples, long seed) {
    AudioChunker chunker = new AudioChunker("stream-1", chunkSamples, START_MS, "en");
    Random random = new Random(seed);
    List<AudioChunk> out = new ArrayList<>();
    int pos = 0;
    while (pos < input.length) {
      int len = Math.min(input.length - pos, random.nextInt(3 * chunkSamples));
      out.addAll(chunker.accept(input, pos, len));
      pos += len;
    }
    out.addAll(chunker.finish());
    return out;
  }

  @Test
  void everySampleComesOutOnceInOrderWithExactOffsetsAndTimes() {
    for (int chunkMs : new int[] {20, 100, 200, 333, 2000}) {
      int chunkSamples = chunkMs * 16;
      for (int length :
          new int[] {1, chunkSamples - 1, chunkSamples, 5 * chunkSamples + 17, 48_000 + 3}) {
        short[] input = ramp(length);
        List<AudioChunk> chunks = chunkInRandomBlocks(input, chunkSamples, length + chunkMs);
        String what = chunkMs + " ms chunks, " + length + " samples";

        int expectedAudioChunks = (length + chunkSamples - 1) / chunkSamples;
        assertEquals(expectedAudioChunks + 1, chunks.size(), what);
        int pos = 0;
        long lastCapture = Long.MIN_VALUE;
        for (int i = 0; i < chunks.size(); i++) {
          AudioChunk c = chunks.get(i);
          assertEquals(i, c.getSeq(), what + ": seq");
          assertEquals(pos, c.getMediaOffsetSamples(), what + ": offset of " + i);
          assertEquals(START_MS + pos / 16, c.getCaptureTimeMs(), what + ": capture of " + i);
          assertTrue(c.getCaptureTimeMs() >= lastCapture, what + ": capture time went back");
          lastCapture = c.getCaptureTimeMs();
          assertEquals(16_000, c.getSampleRate());
          assertEquals(1, c.getChannels());
          assertEquals(AudioEncoding.PCM_S16LE, c.getEncoding());
          assertEquals("stream-1", c.getStreamId());
          assertEquals("en", c.getLanguageHint());
          boolean last = i == chunks.size() - 1;
          assertEquals(last, c.getEndOfStream(), what + ": EOS flag of " + i);
          short[] samples = payloadSamples(c);
          if (last) {
            assertEquals(0, samples.length, "end-of-stream chunk is empty");
          } else if (i < chunks.size() - 2) {
            assertEquals(chunkSamples, samples.length, what + ": full chunk " + i);
          }
          for (short s : samples) {
            assertEquals(input[pos], s, what + ": sample " + pos);
            pos++;
          }
        }
        assertEquals(length, pos, what + ": samples out");
      }
    }
  }

  @Test
  void bytesMaySplitSamplesAcrossCalls() {
    short[] input = ramp(1000);
    byte[] bytes = new byte[2000];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(input);
    AudioChunker chunker = new AudioChunker("s", 320, START_MS, null);
    List<AudioChunk> out = new ArrayList<>();
    for (int pos = 0; pos < bytes.length; pos += 7) {
      out.addAll(chunker.acceptPcm16(bytes, pos, Math.min(7, bytes.length - pos)));
    }
    out.addAll(chunker.finish());
    List<Short> got = new ArrayList<>();
    out.forEach(
        c -> {
          for (short s : payloadSamples(c)) {
            got.add(s);
          }
        });
    assertEquals(1000, got.size());
    for (int i = 0; i < 1000; i++) {
      assertEquals(input[i], got.get(i));
    }
    assertEquals(5, out.size()); // 320, 320, 320, 40, EOS
    assertEquals(1000, chunker.samplesEmitted());
    assertEquals(5, chunker.chunksEmitted());
  }

  @Test
  void emptyStreamStillEndsWithAnEndOfStreamChunk() {
    AudioChunker chunker = new AudioChunker("s", 320, START_MS, null);
    List<AudioChunk> out = chunker.finish();
    assertEquals(1, out.size());
    assertTrue(out.get(0).getEndOfStream());
    assertEquals(0, out.get(0).getSeq());
    assertEquals(START_MS, out.get(0).getCaptureTimeMs());
  }

  @Test
  void refusesAudioAfterTheEndAndBadArguments() {
    AudioChunker chunker = new AudioChunker("s", 320, START_MS, null);
    assertFalse(chunker.isFinished());
    chunker.finish();
    assertThrows(IllegalStateException.class, () -> chunker.accept(new short[1], 0, 1));
    assertThrows(IllegalStateException.class, chunker::finish);
    assertThrows(IllegalArgumentException.class, () -> new AudioChunker("a b", 320, 0, null));
    assertThrows(IllegalArgumentException.class, () -> new AudioChunker("s", 0, 0, null));
  }
}
