package io.livesubs.ingest.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.ingest.AudioChunker;
import io.livesubs.schemas.AudioChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private static final int CHUNK_MS = 100;
  private static final int CHUNKS = 1000;
  private static final String STREAM = "load-7";

  /** 1000 audio chunks of 100 ms and the end-of-stream chunk. */
  private static List<AudioChunk> chunks() {
    AudioChunker chunker = new AudioChunker(STREAM, CHUNK_MS * 16, 0, null);
    List<AudioChunk> out =
        new ArrayList<>(
            chunker.accept(new short[CHUNKS * CHUNK_MS * 16], 0, CHUNKS * CHUNK_MS * 16));
    out.addAll(chunker.finish());
    return out;
  }

  private record Run(List<Emission> emitted, FaultReport report) {}

  private static Run run(FaultConfig config) {
    FaultInjector injector = new FaultInjector(config, CHUNK_MS, STREAM);
    List<Emission> emitted = new ArrayList<>();
    for (AudioChunk c : chunks()) {
      emitted.addAll(injector.offer(c));
    }
    return new Run(emitted, injector.report());
  }

  /** What the emissions show, worked out from them alone. */
  private record Observed(
      Set<Long> dropped, Set<Long> duplicated, Set<Long> corrupted, Set<Long> reordered) {}

  private static Observed observe(List<Emission> emitted) {
    Map<Long, Integer> validCount = new HashMap<>();
    Set<Long> corrupted = new TreeSet<>();
    Set<Long> reordered = new TreeSet<>();
    long maxSeen = -1;
    for (Emission e : emitted) {
      if (e instanceof Emission.Valid v) {
        validCount.merge(v.seq(), 1, Integer::sum);
      } else {
        Emission.Corrupt c = (Emission.Corrupt) e;
        corrupted.add(c.seq());
        assertEquals(STREAM, c.key(), "corrupt records are keyed by the stream id");
        assertNotEquals(0, c.value()[0], "corrupt bytes must not start with the magic byte");
      }
      if (e.seq() < maxSeen) {
        reordered.add(e.seq());
      }
      maxSeen = Math.max(maxSeen, e.seq());
    }
    Set<Long> dropped = new TreeSet<>();
    Set<Long> duplicated = new TreeSet<>();
    for (long seq = 0; seq <= CHUNKS; seq++) {
      int n = validCount.getOrDefault(seq, 0);
      if (n == 0 && !corrupted.contains(seq)) {
        dropped.add(seq);
      }
      if (n == 2) {
        duplicated.add(seq);
      }
      assertTrue(n <= 2, "seq " + seq + " sent " + n + " times");
    }
    return new Observed(dropped, duplicated, corrupted, reordered);
  }

  private static void assertReportMatches(Run run) {
    Observed seen = observe(run.emitted());
    FaultReport r = run.report();
    assertEquals(seen.dropped(), new TreeSet<>(r.dropped()), "dropped");
    assertEquals(seen.duplicated(), new TreeSet<>(r.duplicated()), "duplicated");
    assertEquals(seen.corrupted(), new TreeSet<>(r.corrupted()), "corrupted");
    assertEquals(seen.reordered(), new TreeSet<>(r.reordered()), "reordered");
    assertEquals(run.emitted().size(), r.recordsOut());
    assertEquals(CHUNKS + 1, r.chunksIn());
    Emission last = run.emitted().get(run.emitted().size() - 1);
    assertTrue(last instanceof Emission.Valid v && v.chunk().getEndOfStream(), "EOS goes last");
  }

  @Test
  void dropRateDropsAboutThatShare() {
    Run run = run(new FaultConfig(0, 0, 0.1, 0, 42));
    // Binomial(1000, 0.1): sd 9.5, so +-30 is over 3 sd.
    assertEquals(100, run.report().dropped().size(), 30);
    assertReportMatches(run);
    assertEquals(CHUNKS + 1 - run.report().dropped().size(), run.emitted().size());
  }

  @Test
  void duplicateRateSendsAboutThatShareTwice() {
    Run run = run(new FaultConfig(0, 0.05, 0, 0, 42));
    assertEquals(50, run.report().duplicated().size(), 21);
    assertReportMatches(run);
  }

  @Test
  void corruptRateReplacesAboutThatShareWithGarbage() {
    Run run = run(new FaultConfig(0, 0, 0, 0.2, 42));
    assertEquals(200, run.report().corrupted().size(), 38);
    assertReportMatches(run);
  }

  @Test
  void reorderKeepsEveryChunkOnceAndWithinTheWindow() {
    int reorderMs = 500; // 5 chunks of 100 ms
    Run run = run(new FaultConfig(reorderMs, 0, 0, 0, 42));
    assertReportMatches(run);
    Set<Long> seen = new HashSet<>();
    long maxSeen = -1;
    for (Emission e : run.emitted()) {
      assertTrue(seen.add(e.seq()), "seq " + e.seq() + " sent twice");
      assertTrue(
          maxSeen - e.seq() < reorderMs / CHUNK_MS,
          "seq " + e.seq() + " came after seq " + maxSeen + ", beyond the window");
      maxSeen = Math.max(maxSeen, e.seq());
    }
    assertEquals(CHUNKS + 1, seen.size());
    assertTrue(run.report().reordered().size() > 100, "hardly any reordering happened");
  }

  @Test
  void allFaultsTogetherAreReportedExactly() {
    assertReportMatches(run(new FaultConfig(800, 0.1, 0.1, 0.1, 3)));
  }

  @Test
  void sameSeedSameFaultsOtherSeedOtherFaults() {
    FaultConfig config = new FaultConfig(300, 0.1, 0.1, 0.1, 99);
    Run a = run(config);
    Run b = run(config);
    assertEquals(a.report(), b.report());
    assertEquals(a.emitted().size(), b.emitted().size());
    for (int i = 0; i < a.emitted().size(); i++) {
      Emission x = a.emitted().get(i);
      Emission y = b.emitted().get(i);
      assertEquals(x.seq(), y.seq());
      if (x instanceof Emission.Corrupt cx) {
        assertTrue(java.util.Arrays.equals(cx.value(), ((Emission.Corrupt) y).value()));
      }
    }
    Run c = run(new FaultConfig(300, 0.1, 0.1, 0.1, 100));
    assertNotEquals(a.report().dropped(), c.report().dropped());
  }

  @Test
  void oneRateDoesNotMoveTheOthersFaults() {
    Run duplicatesOnly = run(new FaultConfig(0, 0.1, 0, 0, 5));
    Run withDrops = run(new FaultConfig(0, 0.1, 0.2, 0, 5));
    Set<Long> expected = new TreeSet<>(duplicatesOnly.report().duplicated());
    expected.removeAll(withDrops.report().dropped());
    assertEquals(expected, new TreeSet<>(withDrops.report().duplicated()));
  }

  @Test
  void endOfStreamIsNeverFaulted() {
    Run run = run(new FaultConfig(1000, 1, 1, 1, 1));
    assertEquals(1, run.emitted().size());
    assertEquals(CHUNKS, run.report().dropped().size());
    assertReportMatches(run);
  }
}
