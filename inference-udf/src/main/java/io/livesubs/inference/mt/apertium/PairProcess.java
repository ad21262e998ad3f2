package io.livesubs.inference.mt.apertium;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running Apertium pipeline for one mode in null-flush mode: each stage is a direct child
 * process, the JVM writes NUL-terminated segments into the first and reads one NUL-terminated
 * segment per input from the last. Stages' stderr goes to a log file, whose last line explains a
 * crash.
 *
 * <p>Segments are pipelined: several are in flight at once (at most {@link #WINDOW_BYTES} of input)
 * so that all stages work concurrently, yet never so much that the pipes could fill up and deadlock
 * writer and reader. A watchdog kills the pipeline when no result arrives within the timeout, which
 * also unblocks the waiting read.
 *
 * <p>Not thread-safe: one caller at a time ({@link PairWorker} holds the lock). {@link #kill()} may
 * be called from any thread and is idempotent.
 */
final class PairProcess {

  /** Most input bytes in flight; far below the 64 KiB of a Linux pipe, so writes never block. */
  static final int WINDOW_BYTES = 16 * 1024;

  private final String mode;
  private final List<Process> stages;
  private final OutputStream toPipeline;
  private final InputStream fromPipeline;
  private final Path errorLog;
  private final AtomicBoolean killed = new AtomicBoolean();
  private final AtomicBoolean expired = new AtomicBoolean();

  private PairProcess(String mode, List<Process> stages, Path errorLog) {
    this.mode = mode;
    this.stages = List.copyOf(stages);
    this.errorLog = errorLog;
    this.toPipeline = new BufferedOutputStream(stages.get(0).getOutputStream(), WINDOW_BYTES);
    this.fromPipeline = new BufferedInputStream(stages.get(stages.size() - 1).getInputStream());
  }

  /** Starts the stages of {@code mode}, connected by pipes, stderr appended to {@code errorLog}. */
  static PairProcess start(String mode, List<List<String>> commands, Path errorLog)
      throws IOException {
    List<ProcessBuilder> builders = new ArrayList<>();
    for (List<String> command : commands) {
      ProcessBuilder b = new ProcessBuilder(command);
      b.redirectError(ProcessBuilder.Redirect.appendTo(errorLog.toFile()));
      // The stages read and write UTF-8 only under a UTF-8 locale (the apertium script sets one).
      b.environment().put("LC_ALL", "C.UTF-8");
      builders.add(b);
    }
    return new PairProcess(mode, ProcessBuilder.startPipeline(builders), errorLog);
  }

  /** The stage processes, first to last (for diagnostics and tests). */
  List<Process> stages() {
    return stages;
  }

  /** Whether every stage is still running and the pipeline was not killed. */
  boolean isAlive() {
    return !killed.get() && stages.stream().allMatch(Process::isAlive);
  }

  /**
   * Translates {@code segments[from..]} into {@code out[from..]}, each result stored as soon as it
   * arrives (so that on failure the caller knows which ones are done).
   *
   * @param segments encoded input ({@link ApertiumStreamFormat#encode})
   * @param progress incremented for every translation received
   * @throws PipelineFailure if the pipeline died or gave no result within {@code timeout}
   */
  void translate(
      List<byte[]> segments,
      int from,
      String[] out,
      Duration timeout,
      ScheduledExecutorService watchdog,
      AtomicLong progress)
      throws PipelineFailure {
    int written = from;
    long inFlight = 0;
    for (int read = from; read < segments.size(); read++) {
      ScheduledFuture<?> alarm =
          watchdog.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
      try {
        boolean wrote = false;
        while (written < segments.size()
            && (written == read || inFlight + segments.get(written).length <= WINDOW_BYTES)) {
          toPipeline.write(segments.get(written));
          inFlight += segments.get(written).length;
          written++;
          wrote = true;
        }
        if (wrote) {
          toPipeline.flush();
        }
        out[read] = ApertiumStreamFormat.decode(readSegment());
        inFlight -= segments.get(read).length;
        progress.incrementAndGet();
      } catch (IOException e) {
        throw failure(e, timeout);
      } finally {
        alarm.cancel(false);
      }
    }
  }

  /** Kills every stage; idempotent, callable from any thread. */
  void kill() {
    if (killed.compareAndSet(false, true)) {
      for (Process p : stages) {
        p.destroyForcibly();
      }
    }
  }

  /**
   * Kills the pipeline, releases its pipes and deletes its log; idempotent. Only for the thread
   * that calls {@link #translate} (closing a stream another thread reads from is not safe).
   */
  void close() {
    kill();
    closeQuietly(toPipeline);
    closeQuietly(fromPipeline);
    try {
      Files.deleteIfExists(errorLog);
    } catch (IOException e) {
      // A leftover log in the temp directory is harmless.
    }
  }

  private static void closeQuietly(java.io.Closeable stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // The stage is dead already; its pipe has nothing left worth reporting.
    }
  }

  private void expire() {
    expired.set(true);
    kill();
  }

  private byte[] readSegment() throws IOException {
    ByteArrayOutputStream segment = new ByteArrayOutputStream(256);
    while (true) {
      int b = fromPipeline.read();
      if (b < 0) {
        throw new IOException("pipeline closed its output");
      }
      if (b == 0) {
        return segment.toByteArray();
      }
      segment.write(b);
    }
  }

  private PipelineFailure failure(IOException cause, Duration timeout) {
    kill();
    if (expired.get()) {
      return new PipelineFailure(
          true, "apertium " + mode + " gave no translation within " + timeout.toMillis() + " ms");
    }
    String detail = lastErrorLine();
    return new PipelineFailure(
        false,
        "apertium "
            + mode
            + " stopped ("
            + cause.getMessage()
            + (detail.isEmpty() ? "" : "; stderr: " + detail)
            + ")");
  }

  private String lastErrorLine() {
    try {
      List<String> lines = Files.readAllLines(errorLog, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).strip();
        }
      }
    } catch (IOException e) {
      // No log, no detail.
    }
    return "";
  }

  /** The pipeline failed: it crashed, or {@link #timedOut()} without a result. */
  static final class PipelineFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean timedOut;

    PipelineFailure(boolean timedOut, String message) {
      super(message);
      this.timedOut = timedOut;
    }

    boolean timedOut() {
      return timedOut;
    }
  }
}
