package io.livesubs.inference.mt.apertium;

import io.livesubs.inference.mt.TranslationException;
import io.livesubs.inference.mt.Translator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rule-based translation with Apertium (Debian packages {@code apertium} plus pair packages such as
 * {@code apertium-eng-spa}), one long-lived pipeline per translation direction instead of a process
 * per sentence.
 *
 * <p><b>Null-flush mode.</b> Each direction runs the pipeline {@code apertium -z <mode>} runs (from
 * {@code apertium-wblank-mode -z}), but with every stage a direct child of the JVM rather than
 * under the {@code apertium} script: the script's {@code gawk} filter holds records back, and its
 * text deformatter does not flush, so through the script a sentence's translation would only come
 * out when later input pushes it. The JVM does the deformatting itself ({@link
 * ApertiumStreamFormat}): each sentence is one NUL-terminated segment, and the pipeline answers
 * each with exactly one NUL-terminated translation. A batch is pipelined through all stages at
 * once.
 *
 * <p><b>Output.</b> Unknown words are not marked by default (like {@code apertium -u}): captions
 * show {@code palabra}, not {@code *palabra}, {@code #palabra} or {@code @palabra}. Whitespace is
 * collapsed; line breaks in a sentence become spaces.
 *
 * <p><b>Failures.</b> A pipeline that gives no translation within the {@linkplain
 * Builder#timeout(Duration) timeout} (per sentence) is killed and restarted, and the call throws
 * {@link TranslationException}. A pipeline that crashes is restarted transparently: a call in
 * progress resumes with the sentences not yet translated (once; a second crash fails the call).
 * {@link #restarts()} counts every replacement.
 *
 * <p><b>Threading.</b> Thread-safe. Calls for the same direction are served one at a time in
 * arrival order; different directions run in parallel. {@link #close()} kills all pipelines and is
 * idempotent; calls after it throw {@link TranslationException}.
 */
public final class ApertiumTranslator implements Translator {

  /** Default time to wait for each sentence's translation. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final ApertiumInstallation installation;
  private final Duration timeout;
  private final boolean markUnknownWords;
  private final Map<String, PairWorker> workers = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watchdog;
  private final AtomicLong restarts = new AtomicLong();
  private final AtomicLong translated = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ApertiumTranslator(Builder b) {
    this.installation = b.installation;
    this.timeout = b.timeout;
    this.markUnknownWords = b.markUnknownWords;
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "apertium-watchdog");
              t.setDaemon(true);
              return t;
            });
  }

  /** A translator on the system's installation with default settings. */
  public static ApertiumTranslator create() {
    return builder().build();
  }

  /** A builder: system installation, 5 s timeout, unknown words unmarked. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code apertium:} followed by the installed modes, e.g. {@code apertium:eng-spa,spa-eng}. */
  @Override
  public String name() {
    return "apertium:" + String.join(",", installedPairs());
  }

  /** Installed translation directions by Apertium mode name ({@code eng-spa}, …). */
  public SortedSet<String> installedPairs() {
    return installation.modes();
  }

  /** The installation this translator runs. */
  public ApertiumInstallation installation() {
    return installation;
  }

  @Override
  public boolean supports(String source, String target) {
    try {
      return installation.resolve(source, target).isPresent();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also if a sentence is longer than 16 KiB in UTF-8 (no caption
   *     sentence is; the limit keeps a batch from filling the pipes between the stages)
   */
  @Override
  public List<String> translate(String source, String target, List<String> sentences)
      throws TranslationException {
    Objects.requireNonNull(sentences, "sentences");
    for (String s : sentences) {
      Objects.requireNonNull(s, "sentences must not contain null");
    }
    String mode = modeFor(source, target);
    if (closed.get()) {
      throw new TranslationException("apertium " + mode + ": the translator is closed");
    }
    PairWorker worker =
        workers.computeIfAbsent(
            mode,
            m ->
                new PairWorker(
                    m, installation, markUnknownWords, timeout, watchdog, restarts, translated));
    if (closed.get()) {
      worker.close(); // close() may have run before this worker was registered
    }
    return worker.translate(sentences);
  }

  /** Pipelines started to replace one that crashed or timed out, over all directions. */
  public long restarts() {
    return restarts.get();
  }

  /** Sentences translated so far, over all directions. */
  public long translatedSentences() {
    return translated.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      workers.values().forEach(PairWorker::close);
      watchdog.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "ApertiumTranslator(" + installation.dataDir() + ")";
  }

  /** The stages of the pipeline serving {@code source → target}; empty if none runs yet. */
  List<Process> processesFor(String source, String target) {
    PairWorker worker = workers.get(modeFor(source, target));
    return worker == null ? List.of() : worker.stages();
  }

  private String modeFor(String source, String target) {
    return installation
        .resolve(source, target)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Apertium has no "
                        + source
                        + " → "
                        + target
                        + " pair installed in "
                        + installation.dataDir()
                        + " (installed: "
                        + String.join(", ", installedPairs())
                        + ")"));
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private ApertiumInstallation installation;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean markUnknownWords;

    private Builder() {}

    /** The installation to run (default: {@link ApertiumInstallation#system()}). */
    public Builder installation(ApertiumInstallation value) {
      this.installation = value;
      return this;
    }

    /** How long to wait for each sentence's translation (default 5 s; 1 ms .. 10 min). */
    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    /**
     * Whether to keep Apertium's marks on unknown words ({@code *word}) and generation errors
     * ({@code #word}, {@code @word}); default false. Useful to inspect a pair, not for captions.
     */
    public Builder markUnknownWords(boolean value) {
      this.markUnknownWords = value;
      return this;
    }

    /**
     * Creates the translator; pipelines start on first use of each direction.
     *
     * @throws IllegalArgumentException if the timeout is out of range
     */
    public ApertiumTranslator build() {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.compareTo(Duration.ofMillis(1)) < 0
          || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("timeout must be in 1 ms .. 10 min, was " + timeout);
      }
      if (installation == null) {
        installation = ApertiumInstallation.system();
      }
      return new ApertiumTranslator(this);
    }
  }
}
