package io.livesubs.jobs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.testing.TestStreams;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

class AudioWatermarksTest {

  private final ManualClock clock = new ManualClock();
  private final Output output = new Output();

  @Test
  void eventTimeIsCaptureTimeAndWatermarkTrailsByTheBound() {
    WatermarkStrategy<DecodedAudio> strategy =
        AudioWatermarks.strategy(Duration.ofSeconds(2), Duration.ofSeconds(5));
    TimestampAssigner<DecodedAudio> assigner = strategy.createTimestampAssigner(() -> null);
    WatermarkGenerator<DecodedAudio> generator = strategy.createWatermarkGenerator(context());

    DecodedAudio early = accepted(10_000);
    DecodedAudio later = accepted(13_000);
    long kafkaTime = 99;
    assertEquals(10_000, assigner.extractTimestamp(early, kafkaTime));
    generator.onEvent(early, 10_000, output);
    generator.onEvent(later, 13_000, output);
    generator.onPeriodicEmit(output);
    assertEquals(13_000 - 2_000 - 1, output.last);
  }

  @Test
  void rejectedRecordsNeverMoveTheWatermark() {
    WatermarkStrategy<DecodedAudio> strategy = AudioWatermarks.strategy();
    TimestampAssigner<DecodedAudio> assigner = strategy.createTimestampAssigner(() -> null);
    WatermarkGenerator<DecodedAudio> generator = strategy.createWatermarkGenerator(context());
    DecodedAudio rejected =
        DecodedAudio.rejected(
            "t", 0, 1, null, new byte[] {9}, null, RejectReason.DECODE_FAILED, "garbled");
    generator.onEvent(accepted(10_000), 10_000, output);
    long ts = assigner.extractTimestamp(rejected, Long.MAX_VALUE / 2);
    generator.onEvent(rejected, ts, output);
    generator.onPeriodicEmit(output);
    assertEquals(10_000 - 2_000 - 1, output.last);
  }

  @Test
  void quietPartitionBecomesIdle() {
    WatermarkGenerator<DecodedAudio> generator =
        AudioWatermarks.strategy(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .createWatermarkGenerator(context());
    clock.advanceTime(1, TimeUnit.SECONDS);
    generator.onEvent(accepted(10_000), 10_000, output);
    generator.onPeriodicEmit(output);
    generator.onPeriodicEmit(output); // first emit without new records: the quiet time starts
    assertFalse(output.idle);
    clock.advanceTime(4, TimeUnit.SECONDS);
    generator.onPeriodicEmit(output);
    assertFalse(output.idle);
    clock.advanceTime(2, TimeUnit.SECONDS);
    generator.onPeriodicEmit(output);
    assertTrue(output.idle);
  }

  @Test
  void badBoundsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AudioWatermarks.strategy(Duration.ofSeconds(-1), Duration.ofSeconds(5)));
    assertThrows(
        IllegalArgumentException.class,
        () -> AudioWatermarks.strategy(Duration.ofSeconds(2), Duration.ZERO));
  }

  private static DecodedAudio accepted(long captureTimeMs) {
    var c = TestStreams.stream("s", 1, false).get(0);
    var chunk = new PcmChunk("s", 0, captureTimeMs, 0, c.sampleRate(), c.samples(), false, null);
    return DecodedAudio.accepted("t", 0, 0, new byte[] {'s'}, chunk);
  }

  private WatermarkGeneratorSupplier.Context context() {
    return new WatermarkGeneratorSupplier.Context() {
      @Override
      public MetricGroup getMetricGroup() {
        return new UnregisteredMetricsGroup();
      }

      @Override
      public RelativeClock getInputActivityClock() {
        return clock;
      }
    };
  }

  private static final class Output implements WatermarkOutput {
    long last = Long.MIN_VALUE;
    boolean idle;

    @Override
    public void emitWatermark(Watermark watermark) {
      last = watermark.getTimestamp();
      idle = false;
    }

    @Override
    public void markIdle() {
      idle = true;
    }

    @Override
    public void markActive() {
      idle = false;
    }
  }
}
