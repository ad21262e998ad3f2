package io.livesubs.inference.mt.apertium;

import io.livesubs.inference.mt.TranslationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the long-lived pipeline of one Apertium mode and its failure policy: started on first use; a
 * pipeline found dead is replaced before the next call; a pipeline that dies during a call is
 * replaced and the call resumes once with the sentences not yet translated; a pipeline that times
 * out is killed and replaced at once, and the call fails. Every replacement counts as a restart.
 *
 * <p>Thread-safe: callers are served one at a time (a fair lock per mode), since one pipeline
 * answers one stream of segments in order.
 */
final class PairWorker {
  private static final Logger LOG = LoggerFactory.getLogger(PairWorker.class);

  private final String mode;
  private final ApertiumInstallation installation;
  private final boolean markUnknownWords;
  private final Duration timeout;
  private final ScheduledExecutorService watchdog;
  private final AtomicLong restarts;
  private final AtomicLong translated;
  private final ReentrantLock lock = new ReentrantLock(true);
  private List<List<String>> commands;
  // Written under the lock; volatile so that close() can kill a pipeline a caller is blocked on.
  private volatile PairProcess process;
  private boolean started;
  private volatile boolean closed;

  PairWorker(
      String mode,
      ApertiumInstallation installation,
      boolean markUnknownWords,
      Duration timeout,
      ScheduledExecutorService watchdog,
      AtomicLong restarts,
      AtomicLong translated) {
    this.mode = mode;
    this.installation = installation;
    this.markUnknownWords = markUnknownWords;
    this.timeout = timeout;
    this.watchdog = watchdog;
    this.restarts = restarts;
    this.translated = translated;
  }

  /**
   * Translates {@code sentences} in order; see the class comment for the failure policy.
   *
   * @throws IllegalArgumentException if a sentence exceeds {@link PairProcess#WINDOW_BYTES}
   */
  List<String> translate(List<String> sentences) throws TranslationException {
    List<byte[]> segments = new ArrayList<>(sentences.size());
    for (String s : sentences) {
      byte[] segment = ApertiumStreamFormat.encode(s);
      if (segment.length > PairProcess.WINDOW_BYTES) {
        throw new IllegalArgumentException(
            "sentence "
                + (segments.size() + 1)
                + " is too long for apertium ("
                + segment.length
                + " bytes, at most "
                + PairProcess.WINDOW_BYTES
                + ")");
      }
      segments.add(segment);
    }
    String[] out = new String[sentences.size()];
    if (out.length == 0) {
      return List.of();
    }
    lock.lock();
    try {
      boolean retried = false;
      int done = 0;
      while (true) {
        PairProcess p = running();
        int start = done;
        try {
          p.translate(segments, start, out, timeout, watchdog, translated);
          return Arrays.asList(out);
        } catch (PairProcess.PipelineFailure e) {
          done = firstMissing(out, start);
          discard();
          if (e.timedOut()) {
            LOG.warn("{}; restarting it", e.getMessage());
            restartQuietly();
            throw new TranslationException(e.getMessage());
          }
          if (retried) {
            throw new TranslationException(e.getMessage() + ", again after a restart");
          }
          LOG.warn("{}; restarting it and resuming at sentence {}", e.getMessage(), done);
          retried = true;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The stage processes of the current pipeline, empty if none runs. Does not wait for a call in
   * progress, so that tests can kill a pipeline while it works.
   */
  List<Process> stages() {
    PairProcess p = process;
    return p == null ? List.of() : p.stages();
  }

  /**
   * Kills the pipeline without waiting for a call in progress (which then fails); later calls fail.
   * Idempotent.
   */
  void close() {
    closed = true;
    PairProcess p = process;
    if (p != null) {
      p.kill();
    }
    lock.lock();
    try {
      if (process != null) {
        discard();
      }
    } finally {
      lock.unlock();
    }
  }

  private PairProcess running() throws TranslationException {
    if (closed) {
      throw new TranslationException("apertium " + mode + ": the translator is closed");
    }
    if (process != null && !process.isAlive()) {
      LOG.warn("apertium {} died while idle; restarting it", mode);
      discard();
    }
    if (process == null) {
      try {
        if (commands == null) {
          commands = installation.pipeline(mode, markUnknownWords);
        }
        Path log = Files.createTempFile("livesubs-apertium-" + mode + "-", ".log");
        process = PairProcess.start(mode, commands, log);
      } catch (IOException | RuntimeException e) {
        throw new TranslationException("cannot start apertium " + mode + ": " + e.getMessage(), e);
      }
      if (started) {
        restarts.incrementAndGet();
      }
      started = true;
    }
    return process;
  }

  private void discard() {
    process.close();
    process = null;
  }

  private void restartQuietly() {
    try {
      running();
    } catch (TranslationException e) {
      LOG.warn("{}; the next call tries again", e.getMessage());
    }
  }

  private static int firstMissing(String[] out, int from) {
    int i = from;
    while (i < out.length && out[i] != null) {
      i++;
    }
    return i;
  }
}
