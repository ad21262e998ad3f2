package io.livesubs.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Records of every livesubs schema for tests: one with every optional field set (nested records,
 * arrays, unions on their non-null branch, non-ASCII text, extreme numbers) and one with optional
 * fields left at their defaults.
 */
public final class SampleRecords {

  private SampleRecords() {}

  /** Every schema, fully populated and minimal. */
  public static List<SpecificRecord> all() {
    return List.of(
        audioChunk(),
        minimalAudioChunk(),
        streamConfig(),
        minimalStreamConfig(),
        subtitleCue(),
        minimalSubtitleCue(),
        deadLetter(),
        minimalDeadLetter());
  }

  public static AudioChunk audioChunk() {
    byte[] pcm = new byte[3200];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (byte) (i * 31 + 7);
    }
    return AudioChunk.newBuilder()
        .setStreamId("stream-1.main_A")
        .setSeq(Long.MAX_VALUE - 3)
        .setCaptureTimeMs(1_732_240_000_123L)
        .setMediaOffsetSamples(16_000L * 3600)
        .setSampleRate(16_000)
        .setChannels(2)
        .setEncoding(AudioEncoding.PCM_S16LE)
        .setPayload(ByteBuffer.wrap(pcm))
        .setEndOfStream(false)
        .setLanguageHint("pt-BR")
        .build();
  }

  public static AudioChunk minimalAudioChunk() {
    return AudioChunk.newBuilder()
        .setStreamId("s")
        .setSeq(0)
        .setCaptureTimeMs(-1)
        .setMediaOffsetSamples(0)
        .setSampleRate(48_000)
        .setPayload(ByteBuffer.allocate(0))
        .setEndOfStream(true)
        .build();
  }

  public static StreamConfig streamConfig() {
    return StreamConfig.newBuilder()
        .setStreamId("talk-42")
        .setSourceLanguage("en")
        .setTargetLanguages(List.of("es", "ca", "zh-Hant"))
        .setStyle(
            CaptionStyle.newBuilder()
                .setMaxCharsPerLine(42)
                .setMaxLines(2)
                .setMaxCharsPerSecond(17.5)
                .setMinDurationMs(833)
                .setMaxDurationMs(7000)
                .setEmitPartials(true)
                .build())
        .setUpdatedAtMs(1_732_240_000_000L)
        .build();
  }

  public static StreamConfig minimalStreamConfig() {
    return StreamConfig.newBuilder()
        .setStreamId("x")
        .setStyle(CaptionStyle.newBuilder().setMaxLines(1).build())
        .build();
  }

  public static SubtitleCue subtitleCue() {
    return SubtitleCue.newBuilder()
        .setStreamId("talk-42")
        .setLanguage("es")
        .setCueSeq(12)
        .setRevision(3)
        .setIsFinal(true)
        .setStartMs(61_000)
        .setEndMs(64_250)
        .setLines(List.of("¿Qué tal? — ñandú", "segunda línea 字幕"))
        .setWords(
            List.of(
                WordTiming.newBuilder()
                    .setWord("¿Qué")
                    .setStartMs(61_000)
                    .setEndMs(61_400)
                    .setConfidence(0.93f)
                    .build(),
                WordTiming.newBuilder()
                    .setWord("tal?")
                    .setStartMs(61_400)
                    .setEndMs(61_900)
                    .build()))
        .setSourceCue(CueRef.newBuilder().setLanguage("en").setCueSeq(11).setRevision(0).build())
        .setEngine("apertium:eng-spa")
        .setCaptureTimeMs(1_732_240_064_250L)
        .setEmittedAtMs(1_732_240_065_000L)
        .build();
  }

  public static SubtitleCue minimalSubtitleCue() {
    return SubtitleCue.newBuilder()
        .setStreamId("s")
        .setLanguage("en")
        .setCueSeq(0)
        .setRevision(0)
        .setIsFinal(false)
        .setStartMs(0)
        .setEndMs(1)
        .setLines(List.of())
        .setCaptureTimeMs(0)
        .build();
  }

  public static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setSourceTopic(Topics.AUDIO)
        .setSourcePartition(7)
        .setSourceOffset(123_456_789_012L)
        .setKey(ByteBuffer.wrap("stream-1".getBytes(StandardCharsets.UTF_8)))
        .setStreamId("stream-1")
        .setReason("sample rate 44100 is not supported")
        .setReasonCode("BAD_SAMPLE_RATE")
        .setOriginalValue(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 1, (byte) 0xff, 0x7f}))
        .setTimeMs(1_732_240_000_999L)
        .build();
  }

  public static DeadLetter minimalDeadLetter() {
    return DeadLetter.newBuilder()
        .setSourceTopic(Topics.AUDIO)
        .setSourcePartition(0)
        .setSourceOffset(0)
        .setReason("undecodable")
        .setTimeMs(0)
        .build();
  }
}
