package io.livesubs.jobs.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.testing.RecordingTaskMetricGroup;
import io.livesubs.jobs.testing.TestStreams;
import io.livesubs.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DeadLetterRouterTest {

  @Test
  void acceptedChunksPassAndRejectedRecordsBecomeCountedDeadLetters() throws Exception {
    RecordingTaskMetricGroup metrics = new RecordingTaskMetricGroup();
    PcmChunk chunk = TestStreams.stream("s", 1, false).get(0);
    DecodedAudio accepted = DecodedAudio.accepted("audio", 1, 10, new byte[] {'s'}, chunk);
    DecodedAudio rejected =
        DecodedAudio.rejected(
            "audio",
            2,
            11,
            new byte[] {'k'},
            new byte[] {0, 1, 2},
            "s",
            RejectReason.BAD_CHANNELS,
            "2 channels");
    DecodedAudio keyless =
        DecodedAudio.rejected(
            "audio", 0, 12, null, new byte[] {5}, null, RejectReason.DECODE_FAILED, "garbled");
    long before = System.currentTimeMillis();
    try (OneInputStreamOperatorTestHarness<DecodedAudio, PcmChunk> harness =
        new OneInputStreamOperatorTestHarness<>(
            new ProcessOperator<>(new DeadLetterRouter()),
            new MockEnvironmentBuilder().setMetricGroup(metrics).build())) {
      harness.open();
      harness.processElement(accepted, 1);
      harness.processElement(rejected, 2);
      harness.processElement(keyless, 3);

      assertEquals(List.of(chunk), harness.extractOutputValues());
      List<DeadLetter> letters =
          harness.getSideOutput(DeadLetterRouter.DEAD_LETTERS).stream()
              .map(StreamRecord::getValue)
              .toList();
      assertEquals(2, letters.size());
      DeadLetter letter = letters.get(0);
      assertEquals("audio", letter.getSourceTopic());
      assertEquals(2, letter.getSourcePartition());
      assertEquals(11, letter.getSourceOffset());
      assertArrayEquals(new byte[] {'k'}, bytes(letter.getKey()));
      assertArrayEquals(new byte[] {0, 1, 2}, bytes(letter.getOriginalValue()));
      assertEquals("s", letter.getStreamId());
      assertEquals("BAD_CHANNELS", letter.getReasonCode());
      assertEquals("2 channels", letter.getReason());
      assertTrue(letter.getTimeMs() >= before && letter.getTimeMs() <= System.currentTimeMillis());
      assertNull(letters.get(1).getKey());
      assertNull(letters.get(1).getStreamId());
      assertEquals(2, ((Counter) metrics.operator.get("deadLetters")).getCount());
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
