package io.livesubs.jobs.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.AudioEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AudioChunkValidatorTest {

  private static final long NOW = 1_700_000_000_000L;
  private static final byte[] KEY = "live-1".getBytes(StandardCharsets.UTF_8);
  private final AudioChunkValidator validator = new AudioChunkValidator(ChunkLimits.defaults());

  /** 1600 samples (100 ms at 16 kHz) of little-endian s16. */
  private static AudioChunk.Builder valid() {
    return AudioChunk.newBuilder()
        .setStreamId("live-1")
        .setSeq(3)
        .setCaptureTimeMs(NOW)
        .setMediaOffsetSamples(4800)
        .setSampleRate(16_000)
        .setChannels(1)
        .setEncoding(AudioEncoding.PCM_S16LE)
        .setPayload(ByteBuffer.wrap(new byte[3200]))
        .setEndOfStream(false)
        .setLanguageHint("en");
  }

  private ChunkVerdict.Rejected rejected(Consumer<AudioChunk.Builder> change, byte[] key) {
    AudioChunk.Builder b = valid();
    change.accept(b);
    return assertInstanceOf(ChunkVerdict.Rejected.class, validator.validate(b.build(), key, NOW));
  }

  private ChunkVerdict.Rejected rejected(Consumer<AudioChunk.Builder> change) {
    return rejected(change, KEY);
  }

  @Test
  void acceptsValidChunkAndDecodesLittleEndianSamples() {
    byte[] payload = {0x01, 0x00, (byte) 0xFF, 0x7F, 0x00, (byte) 0x80, (byte) 0xFE, (byte) 0xFF};
    AudioChunk chunk = valid().setPayload(ByteBuffer.wrap(payload)).build();
    ChunkVerdict verdict = validator.validate(chunk, KEY, NOW);
    PcmChunk pcm = assertInstanceOf(ChunkVerdict.Accepted.class, verdict).chunk();
    assertArrayEquals(new short[] {1, 32767, -32768, -2}, pcm.samples());
    assertEquals("live-1", pcm.streamId());
    assertEquals(3, pcm.seq());
    assertEquals(4800, pcm.mediaOffsetSamples());
    assertEquals(NOW, pcm.captureTimeMs());
    assertEquals("en", pcm.languageHint());
    assertEquals(0, chunk.getPayload().position(), "payload buffer must not be consumed");
  }

  @Test
  void acceptsEmptyEndOfStreamChunk() {
    AudioChunk chunk = valid().setPayload(ByteBuffer.allocate(0)).setEndOfStream(true).build();
    PcmChunk pcm =
        assertInstanceOf(ChunkVerdict.Accepted.class, validator.validate(chunk, KEY, NOW)).chunk();
    assertTrue(pcm.endOfStream());
    assertEquals(0, pcm.sampleCount());
  }

  @Test
  void rejectsEachKindOfNonsenseWithItsCodeAndTheOffendingValue() {
    assertReject(
        rejected(b -> b.setEncoding(AudioEncoding.UNKNOWN)),
        RejectReason.UNKNOWN_ENCODING,
        "UNKNOWN");
    assertReject(rejected(b -> b.setSampleRate(44_100)), RejectReason.BAD_SAMPLE_RATE, "44100");
    assertReject(rejected(b -> b.setChannels(2)), RejectReason.BAD_CHANNELS, "2 channels");
    assertReject(
        rejected(b -> b.setPayload(ByteBuffer.wrap(new byte[3201]))),
        RejectReason.PARTIAL_SAMPLE,
        "3201");
    assertReject(rejected(b -> b.setSeq(-1)), RejectReason.NEGATIVE_POSITION, "-1");
    assertReject(rejected(b -> b.setMediaOffsetSamples(-5)), RejectReason.NEGATIVE_POSITION, "-5");
    assertReject(rejected(b -> b.setCaptureTimeMs(-7)), RejectReason.BAD_CAPTURE_TIME, "-7");
    assertReject(
        rejected(b -> b.setStreamId("../etc"), "../etc".getBytes(StandardCharsets.UTF_8)),
        RejectReason.INVALID_STREAM_ID,
        "../etc");
    assertReject(
        rejected(b -> {}, "other".getBytes(StandardCharsets.UTF_8)),
        RejectReason.KEY_MISMATCH,
        "other");
    assertReject(rejected(b -> {}, null), RejectReason.KEY_MISMATCH, "no key");
  }

  @Test
  void rejectsCaptureTimeFarAheadOfTheRecordTimestampButNotWithoutOne() {
    long micros = NOW * 1000;
    assertReject(
        rejected(b -> b.setCaptureTimeMs(micros)), RejectReason.BAD_CAPTURE_TIME, "" + micros);
    AudioChunk chunk = valid().setCaptureTimeMs(NOW + 60_000).build();
    assertInstanceOf(ChunkVerdict.Accepted.class, validator.validate(chunk, KEY, NOW));
    assertInstanceOf(ChunkVerdict.Accepted.class, validator.validate(chunk, KEY, -1));
  }

  @Test
  void rejectsChunksLongerOrLargerThanTheLimits() {
    // 10 s at 16 kHz is 320000 bytes: one sample more is too long.
    assertReject(
        rejected(b -> b.setPayload(ByteBuffer.wrap(new byte[320_032]))),
        RejectReason.OVERSIZED,
        "10001 ms");
    AudioChunk tenSeconds = valid().setPayload(ByteBuffer.wrap(new byte[320_000])).build();
    assertInstanceOf(ChunkVerdict.Accepted.class, validator.validate(tenSeconds, KEY, NOW));

    AudioChunkValidator small =
        new AudioChunkValidator(
            new ChunkLimits(16_000, Duration.ofSeconds(10), 1000, Duration.ofMinutes(1)));
    ChunkVerdict verdict = small.validate(valid().build(), KEY, NOW);
    assertReject(
        assertInstanceOf(ChunkVerdict.Rejected.class, verdict), RejectReason.OVERSIZED, "3200");
  }

  @Test
  void limitsRejectNonsense() {
    assertThrowsNamed(
        () -> new ChunkLimits(0, Duration.ofSeconds(1), 1, Duration.ofSeconds(1)), "sampleRateHz");
    assertThrowsNamed(
        () -> new ChunkLimits(16_000, Duration.ZERO, 1, Duration.ofSeconds(1)), "maxChunkDuration");
    assertThrowsNamed(
        () -> new ChunkLimits(16_000, Duration.ofSeconds(1), 0, Duration.ofSeconds(1)),
        "maxPayloadBytes");
  }

  private static void assertThrowsNamed(Runnable r, String name) {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(name), e.getMessage());
  }

  private static void assertReject(
      ChunkVerdict.Rejected rejected, RejectReason code, String mentioned) {
    assertEquals(code, rejected.code(), rejected.reason());
    assertTrue(
        rejected.reason().contains(mentioned),
        "reason should name '" + mentioned + "': " + rejected.reason());
    assertFalse(rejected.reason().isBlank());
  }
}
