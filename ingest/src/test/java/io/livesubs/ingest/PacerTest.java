package io.livesubs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacerTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  /** A fake monotonic clock that only moves when the pacer sleeps or the test says so. */
  private static final class FakeClock {
    long now = 5_000 * MS; // arbitrary origin: the pacer must work relative to its start
    final List<Long> sleeps = new ArrayList<>();
  }

  @Test
  void waitsExactlyUntilEachChunksMediaTimeOnAFakeClock() throws InterruptedException {
    FakeClock clock = new FakeClock();
    Pacer pacer =
        new Pacer(
            () -> clock.now,
            nanos -> {
              clock.sleeps.add(nanos);
              clock.now += nanos;
            });
    pacer.start();
    long origin = clock.now;
    for (int n = 0; n < 20; n++) {
      long late = pacer.awaitMediaTime(n * 100 * MS);
      assertEquals(origin + n * 100 * MS, clock.now, "chunk " + n);
      assertEquals(0, late);
      clock.now += 3 * MS; // time spent sending the chunk
    }
    // First chunk at once, then 97 ms per chunk: the sending time is absorbed, not accumulated.
    assertEquals(19, clock.sleeps.size());
    clock.sleeps.forEach(s -> assertEquals(97 * MS, s));
  }

  @Test
  void earlyWakeupsSleepAgainAndLateCallersAreNotHeld() throws InterruptedException {
    FakeClock clock = new FakeClock();
    // A sleep that wakes after half the time asked.
    Pacer pacer = new Pacer(() -> clock.now, nanos -> clock.now += Math.max(1, nanos / 2));
    pacer.start();
    long origin = clock.now;
    pacer.awaitMediaTime(100 * MS);
    assertTrue(clock.now >= origin + 100 * MS, "returned before the media time");
    clock.now = origin + 450 * MS; // the caller stalled
    long before = clock.now;
    assertEquals(250 * MS, pacer.awaitMediaTime(200 * MS));
    assertEquals(before, clock.now, "a late caller must not sleep");
    assertEquals(0, pacer.awaitMediaTime(500 * MS));
    assertEquals(origin + 500 * MS, clock.now, "no hurrying beyond real time after a stall");
  }

  @Test
  void mustBeStartedOnce() {
    Pacer pacer = Pacer.realtime();
    assertThrows(IllegalStateException.class, () -> pacer.awaitMediaTime(0));
    pacer.start();
    assertThrows(IllegalStateException.class, pacer::start);
  }

  /**
   * Real clock: 2 s of audio in 100 ms chunks. Each release is measured: never before its media
   * time, and at most 50 ms after it.
   */
  @Test
  void realClockReleasesEveryChunkWithinFiftyMillisecondsOfItsMediaTime()
      throws InterruptedException {
    Pacer pacer = Pacer.realtime();
    long start = System.nanoTime();
    pacer.start();
    List<Long> offsets = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      pacer.awaitMediaTime(n * 100 * MS);
      offsets.add(System.nanoTime() - start);
    }
    for (int n = 0; n < 20; n++) {
      long error = offsets.get(n) - n * 100 * MS;
      assertTrue(error >= 0, "chunk " + n + " released " + -error / 1e6 + " ms early");
      assertTrue(error <= 50 * MS, "chunk " + n + " released " + error / 1e6 + " ms late");
    }
  }
}
