package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CpuSplitTest {

  @Test
  void flinkTaskThreadsAreToldByTheirName() {
    assertTrue(CpuSplit.isFlinkTask("order chunks by seq -> detect speech (1/2)#0"));
    assertTrue(CpuSplit.isFlinkTask("Source Data Fetcher for Source: audio chunks (2/2)#3"));
    assertFalse(CpuSplit.isFlinkTask("kafka-producer-network-thread | livesubs-ingest"));
    assertFalse(CpuSplit.isFlinkTask("data-plane-kafka-request-handler-0"));
    assertFalse(CpuSplit.isFlinkTask("main"));
  }

  /** Spins for about {@code millis} of CPU time. */
  private static long spin(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    long x = 0;
    while (System.nanoTime() < end) {
      x += x * 31 + 7;
    }
    return x;
  }

  @Test
  void cpuOfATaskNamedThreadCountsAsTheJobs() throws Exception {
    CpuSplit.Mark mark = CpuSplit.start();
    assertNotNull(mark, "HotSpot on Linux measures CPU per thread");
    CountDownLatch spun = new CountDownLatch(1);
    CountDownLatch measured = new CountDownLatch(1);
    Thread task =
        new Thread(
            () -> {
              spin(300);
              spun.countDown();
              try {
                measured.await(); // alive until the split is taken, spending nothing
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "recognise speech (1/2)#0");
    task.start();
    spun.await();
    CpuSplit.Split split = mark.split();
    measured.countDown();
    task.join();
    assertTrue(split.jobCores() > 0.2, "the spinning task thread: " + split);
    assertTrue(split.totalCores() >= split.jobCores(), split.toString());
  }
}
