package io.livesubs.app.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.stack.EmbeddedKafkaBroker;
import io.livesubs.app.stack.LivesubsTopics;
import io.livesubs.app.stack.Loopback;
import io.livesubs.app.testing.CliRun;
import io.livesubs.app.testing.TestAudio;
import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livesubs ingest} against a real in-process broker and schema registry, checked by a
 * consumer of the audio topic: the audio arrives complete and exact, each fault flag has exactly
 * the effect its report states, and unreachable services fail fast with one line.
 */
class IngestBrokerITCase {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final int CHUNK_SAMPLES = 3200; // 200 ms at 16 kHz, the ingest default
  private static final int SECONDS = 3;

  private static EmbeddedKafkaBroker broker;
  private static DevSchemaRegistry registry;

  @TempDir static Path dir;
  private static short[] samples;
  private static Path wav;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start();
    registry = new DevSchemaRegistry().start();
    LivesubsTopics.ensure(broker.bootstrapServers(), LivesubsTopics.DEFAULT_PARTITIONS);
    // Slightly more than whole chunks, so the last chunk is a partial one.
    samples = TestAudio.noise(SECONDS * 16_000 + 1_000, 42);
    wav = TestAudio.wav(dir.resolve("noise.wav"), samples);
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static CliRun ingest(String streamId, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ingest",
                "--stream-id",
                streamId,
                "--input",
                wav.toString(),
                "--fast",
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--schema-registry",
                registry.url()));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return run;
  }

  private static List<AudioRecords> read(String streamId) {
    return AudioRecords.readStream(broker.bootstrapServers(), registry.url(), streamId, DEADLINE);
  }

  /** Seqs of the valid records in arrival order, the end-of-stream chunk left out. */
  private static List<Long> audioSeqs(List<AudioRecords> records) {
    return records.stream()
        .filter(r -> !r.corrupt() && !r.chunk().getEndOfStream())
        .map(r -> r.chunk().getSeq())
        .toList();
  }

  private static long audioChunkCount() {
    return (samples.length + CHUNK_SAMPLES - 1) / CHUNK_SAMPLES;
  }

  @Test
  void everySampleArrivesOnceInOrderWithContiguousSeqsAndExactOffsets() {
    ingest("clean");
    List<AudioRecords> records = read("clean");
    assertTrue(records.stream().noneMatch(AudioRecords::corrupt), records.toString());
    ByteBuffer received =
        ByteBuffer.allocate(samples.length * 2 + 2).order(ByteOrder.LITTLE_ENDIAN);
    long offset = 0;
    long firstCapture = records.get(0).chunk().getCaptureTimeMs();
    for (int i = 0; i < records.size(); i++) {
      AudioChunk chunk = records.get(i).chunk();
      assertEquals(i, chunk.getSeq(), "seqs must be 0,1,2,... in arrival order");
      assertEquals(offset, chunk.getMediaOffsetSamples(), "media offset of seq " + i);
      assertEquals(16_000, chunk.getSampleRate());
      assertEquals(1, chunk.getChannels());
      assertEquals(firstCapture + offset * 1000 / 16_000, chunk.getCaptureTimeMs(), "seq " + i);
      assertEquals(i == records.size() - 1, chunk.getEndOfStream(), "end marker only last");
      ByteBuffer payload = chunk.getPayload().duplicate();
      offset += payload.remaining() / 2;
      received.put(payload);
    }
    assertEquals(samples.length, offset, "samples received");
    short[] got = new short[samples.length];
    received.flip().asShortBuffer().get(got);
    assertArrayEquals(samples, got, "received samples differ from the file's");
    assertEquals(audioChunkCount() + 1, records.size(), "chunks plus the end marker");
  }

  @Test
  void severalStreamsEachCarryTheWholeInput() {
    ingest("multi", "--streams", "3");
    for (int n = 1; n <= 3; n++) {
      List<Long> seqs = audioSeqs(read("multi-" + n));
      assertEquals(
          LongStream.range(0, audioChunkCount()).boxed().toList(), seqs, "stream multi-" + n);
    }
  }

  @Test
  void dropRateLeavesOutExactlyTheReportedChunks() {
    Map<String, List<Long>> report = faults(ingest("drops", "--drop-rate", "0.3", "--seed", "11"));
    List<Long> dropped = report.get("dropped");
    assertFalse(dropped.isEmpty(), "the seed should drop something: " + report);
    assertOnly(report, "dropped");
    List<Long> expected =
        LongStream.range(0, audioChunkCount()).filter(s -> !dropped.contains(s)).boxed().toList();
    assertEquals(expected, audioSeqs(read("drops")), "in order, without the dropped seqs");
  }

  @Test
  void duplicateRateSendsExactlyTheReportedChunksTwiceInARow() {
    Map<String, List<Long>> report =
        faults(ingest("dups", "--duplicate-rate", "0.3", "--seed", "12"));
    List<Long> duplicated = report.get("duplicated");
    assertFalse(duplicated.isEmpty(), "the seed should duplicate something: " + report);
    assertOnly(report, "duplicated");
    List<Long> expected = new ArrayList<>();
    for (long seq = 0; seq < audioChunkCount(); seq++) {
      expected.add(seq);
      if (duplicated.contains(seq)) {
        expected.add(seq);
      }
    }
    List<AudioRecords> records = read("dups");
    assertEquals(expected, audioSeqs(records));
    for (int i = 1; i < records.size(); i++) {
      AudioChunk a = records.get(i - 1).chunk();
      AudioChunk b = records.get(i).chunk();
      if (a.getSeq() == b.getSeq()) {
        assertEquals(a, b, "a duplicate is the same chunk, seq " + a.getSeq());
      }
    }
  }

  @Test
  void corruptRateReplacesExactlyTheReportedChunksWithUndecodableRecords() {
    Map<String, List<Long>> report =
        faults(ingest("corrupt", "--corrupt-rate", "0.3", "--seed", "13"));
    List<Long> corrupted = report.get("corrupted");
    assertFalse(corrupted.isEmpty(), "the seed should corrupt something: " + report);
    assertOnly(report, "corrupted");
    List<AudioRecords> records = read("corrupt");
    assertEquals(audioChunkCount() + 1, records.size(), "one record per chunk plus the end");
    for (int seq = 0; seq < records.size() - 1; seq++) {
      AudioRecords record = records.get(seq);
      assertEquals("corrupt", record.key(), "corrupt records keep the stream id as key");
      if (corrupted.contains((long) seq)) {
        assertTrue(record.corrupt(), "seq " + seq + " should be corrupt, got " + record);
      } else {
        assertEquals(seq, record.chunk().getSeq(), "record " + seq);
      }
    }
  }

  @Test
  void reorderMsShufflesWithinTheWindowAndReportsExactlyTheLateSeqs() {
    int windowChunks = 5; // 1000 ms / 200 ms
    Map<String, List<Long>> report =
        faults(ingest("shuffle", "--reorder-ms", "1000", "--seed", "14"));
    List<Long> reordered = report.get("reordered");
    assertFalse(reordered.isEmpty(), "the seed should reorder something: " + report);
    assertOnly(report, "reordered");
    List<AudioRecords> records = read("shuffle");
    assertTrue(records.get(records.size() - 1).chunk().getEndOfStream(), "end marker last");
    List<Long> seqs = audioSeqs(records);
    List<Long> sorted = new ArrayList<>(seqs);
    sorted.sort(null);
    assertEquals(LongStream.range(0, audioChunkCount()).boxed().toList(), sorted, "each once");
    List<Long> late = new ArrayList<>();
    long max = -1;
    for (long seq : seqs) {
      if (seq < max) {
        late.add(seq);
        assertTrue(seq > max - windowChunks, "seq " + seq + " came after " + max);
      }
      max = Math.max(max, seq);
    }
    late.sort(null);
    assertEquals(reordered, late, "seqs that arrived after a higher one");
  }

  @Test
  void unreachableBrokerFailsWithOneLineInBoundedTime() {
    String closed = Loopback.HOST + ":" + Loopback.freePort();
    CliRun run =
        CliRun.of(
            "ingest",
            "--stream-id",
            "nobroker",
            "--input",
            wav.toString(),
            "--fast",
            "--bootstrap-servers",
            closed,
            "--schema-registry",
            registry.url());
    assertEquals(1, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("livesubs: "), run.err());
    assertTrue(run.err().contains(closed), "should name the broker: " + run.err());
    assertTrue(run.millis() < 30_000, "took " + run.millis() + " ms");
  }

  @Test
  void unreachableRegistryFailsWithOneLineInBoundedTime() {
    String closed = "http://" + Loopback.HOST + ":" + Loopback.freePort();
    CliRun run =
        CliRun.of(
            "ingest",
            "--stream-id",
            "noregistry",
            "--input",
            wav.toString(),
            "--fast",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--schema-registry",
            closed);
    assertEquals(1, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains(closed), "should name the registry: " + run.err());
    assertTrue(run.millis() < 30_000, "took " + run.millis() + " ms");
  }

  /** The only non-empty seq list of the report is {@code kind}'s. */
  private static void assertOnly(Map<String, List<Long>> report, String kind) {
    report.forEach(
        (what, seqs) -> {
          if (!what.equals(kind)) {
            assertTrue(seqs.isEmpty(), what + " should be empty with only " + kind + ": " + seqs);
          }
        });
  }

  /**
   * Parses the per-stream fault report the command prints, e.g. {@code ingest: s: dropped 2,
   * duplicated 0, corrupted 0, reordered 0; dropped seqs 3,9}, into kind to seqs.
   */
  private static Map<String, List<Long>> faults(CliRun run) {
    String line =
        run.err()
            .lines()
            .filter(l -> l.startsWith("ingest:   "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no fault report in: " + run.err()));
    assertFalse(line.contains("more)"), "report cut short: " + line);
    String[] parts = line.substring(line.indexOf(": ", "ingest:   ".length()) + 2).split("; ");
    Map<String, List<Long>> seqs = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (String count : parts[0].split(", ")) {
      String[] kv = count.split(" ");
      seqs.put(kv[0], List.of());
      counts.put(kv[0], Integer.parseInt(kv[1]));
    }
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split(" seqs ");
      seqs.put(kv[0], Arrays.stream(kv[1].split(",")).map(Long::valueOf).toList());
    }
    counts.forEach((kind, n) -> assertEquals(n, seqs.get(kind).size(), kind + " in " + line));
    return seqs;
  }
}
