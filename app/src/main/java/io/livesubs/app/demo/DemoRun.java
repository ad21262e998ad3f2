package io.livesubs.app.demo;

import io.livesubs.app.job.JobSubmission;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.app.stack.Loopback;
import io.livesubs.inference.models.ModelLocator;
import io.livesubs.jobs.LivesubsJobConfig;
import io.livesubs.schemas.Topics;
import io.livesubs.sink.SubtitleService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;

/**
 * One run of {@code livesubs demo}, start to finish: prepares the input ({@link DemoInput}), starts
 * the local stack, the cue consumer ({@link CueConsumer} into a {@link CueCollector}), the livesubs
 * job on the stack's Flink and the subtitle service with its player page; sends the audio ({@link
 * DemoIngest}); waits for every stream's end-of-stream marker in every language (spoken and {@code
 * --translate} targets) (failing early if the job fails); writes the outputs ({@link DemoOutputs})
 * and, unless asked to keep running, stops everything.
 *
 * <p>Owns everything it starts; {@link #close()} stops it all, is idempotent and may be called from
 * a shutdown hook while {@link #run()} is still going.
 */
public final class DemoRun implements AutoCloseable {

  private static final Duration SLICE = Duration.ofSeconds(1);
  private static final Duration COUNTERS_TIMEOUT = Duration.ofSeconds(15);

  private final DemoSettings settings;
  private final CaptionPrinter printer;
  private final PrintWriter err;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<AutoCloseable> resources = new ArrayList<>();
  private LocalStack stack;
  private JobClient job;

  /**
   * @param settings what to run
   * @param out where captions and status lines go
   * @param err where warnings go
   * @param terminal whether {@code out} is an interactive terminal (partial captions in place)
   */
  public DemoRun(DemoSettings settings, PrintWriter out, PrintWriter err, boolean terminal) {
    this.settings = settings;
    this.printer = new CaptionPrinter(out, terminal);
    this.err = err;
  }

  /**
   * Runs the demo.
   *
   * @return 0 when every stream ended, 1 when the wait for the end-of-stream markers timed out
   * @throws Exception if something cannot start or the job fails
   */
  public int run() throws Exception {
    Path outDir = Files.createDirectories(settings.outDir());
    DemoInput input = DemoInput.prepare(settings, outDir.resolve("media"), err);
    // The job runs in this JVM: missing models fail here, with the locator's advice, not later
    // in a task that restarts.
    ModelLocator models = ModelLocator.fromEnvironment();
    models.sileroVad(null);
    models.voskModel(null);
    List<String> streams = settings.streamIds();
    printer.message("starting Kafka, the schema registry and Flink...");
    stack = own(startStack());
    CueCollector collector = new CueCollector(own(new CueJournal(outDir)), printer);
    own(
        CueConsumer.start(
            stack.bootstrapServers(), stack.registryUrl(), Topics.CUES, collector::accept));
    job = JobSubmission.submit(stack.streamEnvironment(), jobConfig(streams.size()));
    // Cancelled before the stack stops, so its tasks end quietly instead of failing.
    JobClient submitted = job;
    own(() -> submitted.cancel().get(30, TimeUnit.SECONDS));
    SubtitleService service = own(startService(outDir.resolve("media")));
    DemoConsole.addresses(
        printer,
        String.format(
            Locale.ROOT,
            "%s, %.1f s of audio, %d stream(s), %s",
            input.description(),
            input.seconds(),
            streams.size(),
            settings.realtime() ? "in real time" : "as fast as possible"),
        stack,
        job.getJobID().toHexString(),
        service.url() + "",
        streams.get(0),
        settings.languages(),
        settings.outDir());

    long startNanos = System.nanoTime();
    DemoIngest.send(
        input.media(),
        streams,
        settings.language(),
        settings.realtime(),
        stack.bootstrapServers(),
        stack.registryUrl());
    Duration timeout = settings.endTimeoutFor(input.seconds());
    boolean ended = awaitEnd(collector, streams, timeout);
    double wallSeconds = (System.nanoTime() - startNanos) / 1e9;

    JobCounters counters =
        JobCounters.read(
            stack.flinkWebUrl(),
            job.getJobID().toHexString(),
            streams.size(),
            DeadLetterCount.byReason(
                stack.bootstrapServers(), stack.registryUrl(), Topics.AUDIO_DLQ, COUNTERS_TIMEOUT),
            COUNTERS_TIMEOUT);
    DemoSummary summary =
        new DemoSummary(
            input.description(),
            streams.size(),
            settings.realtime(),
            input.seconds(),
            wallSeconds,
            List.copyOf(collector.notEnded(streams, settings.languages())),
            collector.stats(),
            counters,
            collector.finalCuesByLanguage());
    List<Path> files = new ArrayList<>(DemoOutputs.writeSubtitles(outDir, collector.finalCues()));
    files.add(outDir.resolve(CueJournal.FILE_NAME));
    files.add(DemoOutputs.writeSummary(outDir, summary));
    DemoConsole.result(printer, summary, files);
    if (settings.keepRunning()) {
      printer.message("still running (player, Flink web UI); press Ctrl-C to stop.");
      closed.await();
    }
    return ended ? 0 : 1;
  }

  private LocalStack startStack() {
    Configuration flink = new Configuration();
    // Fresh metrics for the summary, and for the web UI while the demo runs.
    flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
    int webPort = preferred(settings.webPort(), "Flink web UI");
    return LocalStack.builder()
        .kafkaPort(preferred(LocalStack.DEFAULT_KAFKA_PORT, "Kafka"))
        .registryPort(preferred(LocalStack.DEFAULT_REGISTRY_PORT, "schema registry"))
        .webPort(webPort)
        .slots(parallelism(settings.streams()))
        .flinkConfiguration(flink)
        .start();
  }

  private LivesubsJobConfig jobConfig(int streams) {
    LivesubsJobConfig.Builder config =
        LivesubsJobConfig.builder()
            .bootstrapServers(stack.bootstrapServers())
            .schemaRegistryUrl(stack.registryUrl())
            .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .parallelism(parallelism(streams));
    if (settings.translates()) {
      config
          .translationOption("translation.enabled", "true")
          .translationOption(
              "translation.default-targets", String.join(",", settings.translateTo()));
    }
    return config.build();
  }

  private SubtitleService startService(Path mediaDir) throws IOException, InterruptedException {
    SubtitleService service =
        SubtitleService.builder()
            .bootstrapServers(stack.bootstrapServers())
            .registryUrl(stack.registryUrl())
            .applicationId("livesubs-demo")
            .stateDir(stack.dataDir().resolve("subtitles"))
            .bindAddress(Loopback.HOST)
            .httpPort(preferred(settings.httpPort(), "subtitle service"))
            .mediaDir(mediaDir)
            .start();
    if (!service.awaitRunning(Duration.ofSeconds(60))) {
      service.close();
      throw new IllegalStateException("the subtitle service did not start: " + service.state());
    }
    return service;
  }

  /** Waits in slices, so that a failed job ends the wait at once instead of at the timeout. */
  private boolean awaitEnd(CueCollector collector, List<String> streams, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    FlinkRestMetrics rest = new FlinkRestMetrics(stack.flinkWebUrl());
    List<String> languages = settings.languages();
    while (!collector.awaitEnded(streams, languages, SLICE)) {
      JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
      // A demo job that fails would restart for ever on the same cause: report it at once.
      if (status.isGloballyTerminalState()
          || status == JobStatus.RESTARTING
          || status == JobStatus.FAILING) {
        String cause = rest.latestFailure(job.getJobID().toHexString()).orElse("" + status);
        throw new IllegalStateException(
            "the livesubs job failed: " + cause + " (details: " + stack.flinkWebUrl() + ")");
      }
      if (System.nanoTime() > deadline) {
        printer.message(
            "livesubs: no end-of-stream marker from "
                + String.join(", ", collector.notEnded(streams, languages))
                + " within "
                + timeout.toSeconds()
                + " s after the audio was sent; the outputs below are incomplete"
                + " (the job's progress is in the Flink web UI at "
                + stack.flinkWebUrl()
                + ")");
        return false;
      }
    }
    return true;
  }

  private int preferred(int port, String what) {
    if (port == 0 || Loopback.isFree(port)) {
      return port;
    }
    printer.message(what + " port " + port + " is taken; using a free port instead");
    return 0;
  }

  private static int parallelism(int streams) {
    return Math.min(streams, 4);
  }

  private <T extends AutoCloseable> T own(T resource) {
    synchronized (resources) {
      resources.add(resource);
    }
    return resource;
  }

  /** Stops the service, the consumer, the job and the stack (in reverse order of start). */
  @Override
  public void close() {
    List<AutoCloseable> toClose;
    synchronized (resources) {
      toClose = new ArrayList<>(resources);
      resources.clear();
    }
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        err.println("livesubs: while stopping: " + e);
      }
    }
    err.flush();
    closed.countDown();
  }
}
