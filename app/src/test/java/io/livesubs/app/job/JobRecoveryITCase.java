package io.livesubs.app.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.demo.CueCollector;
import io.livesubs.app.demo.CueConsumer;
import io.livesubs.app.demo.CueRevision;
import io.livesubs.app.demo.CueRevision.TimelineKey;
import io.livesubs.app.demo.MediaFile;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.app.testing.CliRun;
import io.livesubs.app.testing.SharedFiles;
import io.livesubs.app.testing.TestAudio;
import io.livesubs.ingest.audio.WavFileSource;
import io.livesubs.jobs.LivesubsJobConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Output after a restore equals output of a run without failure": a minute of English speech, sent
 * at live pace, is captioned by two jobs at once, each exactly-once to a cue topic of its own: one
 * runs without interruption, the other is stopped with a savepoint in the middle of the stream and
 * restored from it while the audio keeps coming. Their final cues must be equal in every field but
 * {@code emittedAtMs}.
 */
class JobRecoveryITCase {

  private static final long CUT_MS = 60_827;
  private static final Duration END_TIMEOUT = Duration.ofMinutes(5);

  @TempDir Path dir;

  /** A final cue without its emission time. */
  private record Fixed(
      long seq,
      int revision,
      long startMs,
      long endMs,
      List<String> lines,
      List<CueRevision.Word> words,
      long captureTimeMs) {
    static Fixed of(CueRevision c) {
      return new Fixed(
          c.seq(), c.revision(), c.startMs(), c.endMs(), c.lines(), c.words(), c.captureTimeMs());
    }
  }

  @Test
  void finalCuesAfterAStopWithSavepointAndRestoreEqualThoseOfAnUninterruptedRun() throws Exception {
    Path mix = SharedFiles.require("eval/longform/en_dev_mix.wav");
    Path cut = dir.resolve("cut.wav");
    MediaFile.write(TestAudio.firstSamples(WavFileSource.open(mix), CUT_MS * 16), cut);
    try (LocalStack stack = LocalStack.builder().ephemeralPorts().partitions(2).slots(2).start()) {
      createTopics(stack, "cues.uninterrupted", "cues.restored");
      CueCollector a = new CueCollector(null, null);
      CueCollector b = new CueCollector(null, null);
      try (CueConsumer consumerA = consume(stack, "cues.uninterrupted", a);
          CueConsumer consumerB = consume(stack, "cues.restored", b)) {
        JobClient uninterrupted =
            JobSubmission.submit(stack.streamEnvironment(), config(stack, "uninterrupted"));
        LivesubsJobConfig configB = config(stack, "restored");
        JobClient first = JobSubmission.submit(stack.streamEnvironment(), configB);
        // Live pace, so that the stop certainly falls in the middle of the stream.
        CompletableFuture<CliRun> ingest =
            CompletableFuture.supplyAsync(
                () ->
                    CliRun.of(
                        "ingest",
                        "--stream-id",
                        "rec",
                        "--input",
                        cut.toString(),
                        "--realtime",
                        "--language",
                        "en",
                        "--bootstrap-servers",
                        stack.bootstrapServers(),
                        "--schema-registry",
                        stack.registryUrl()));

        awaitFinalCues(b, 2);
        String savepoint =
            first
                .stopWithSavepoint(
                    false,
                    dir.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        int finalsBeforeStop = b.stats().finalCues();
        assertFalse(ingest.isDone(), "the audio was all sent before the stop");
        Configuration restore = stack.flinkClientConfiguration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        JobClient restored = JobSubmission.submit(new StreamExecutionEnvironment(restore), configB);

        CliRun sent = ingest.get(3, TimeUnit.MINUTES);
        assertEquals(0, sent.exitCode(), sent.err());
        assertTrue(a.awaitEnded(List.of("rec"), END_TIMEOUT), "uninterrupted run never ended");
        assertTrue(b.awaitEnded(List.of("rec"), END_TIMEOUT), "restored run never ended");
        uninterrupted.cancel().get(1, TimeUnit.MINUTES);
        restored.cancel().get(1, TimeUnit.MINUTES);
        assertTrue(b.stats().finalCues() > finalsBeforeStop, "the restored job captioned the rest");
      }
      List<Fixed> expected = finals(a);
      assertTrue(expected.size() > 5, "enough cues to compare: " + expected);
      assertEquals(expected, finals(b));
    }
  }

  private static LivesubsJobConfig config(LocalStack stack, String run) {
    return LivesubsJobConfig.builder()
        .bootstrapServers(stack.bootstrapServers())
        .schemaRegistryUrl(stack.registryUrl())
        .cueTopic("cues." + run)
        .groupId("livesubs-" + run)
        .transactionalIdPrefix("livesubs-" + run)
        .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .checkpointInterval(Duration.ofSeconds(1))
        .parallelism(1)
        .build();
  }

  private static CueConsumer consume(LocalStack stack, String topic, CueCollector collector) {
    return CueConsumer.start(
        stack.bootstrapServers(), stack.registryUrl(), topic, collector::accept);
  }

  private static List<Fixed> finals(CueCollector collector) {
    return Optional.ofNullable(collector.finalCues().get(new TimelineKey("rec", "en")))
        .orElse(List.of())
        .stream()
        .map(Fixed::of)
        .toList();
  }

  /** Polls until {@code n} final cues are visible. */
  private static void awaitFinalCues(CueCollector collector, int n) throws InterruptedException {
    long deadline = System.nanoTime() + END_TIMEOUT.toNanos();
    while (collector.stats().finalCues() < n) {
      assertTrue(System.nanoTime() < deadline, "no final cue within " + END_TIMEOUT);
      TimeUnit.MILLISECONDS.sleep(50); // poll interval, not synchronisation
    }
  }

  private static void createTopics(LocalStack stack, String... names) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      admin
          .createTopics(
              Arrays.stream(names)
                  .map(n -> new NewTopic(n, Optional.of(2), Optional.empty()))
                  .toList())
          .all()
          .get(1, TimeUnit.MINUTES);
    }
  }
}
