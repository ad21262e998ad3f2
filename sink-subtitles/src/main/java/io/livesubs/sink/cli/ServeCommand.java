package io.livesubs.sink.cli;

import io.livesubs.sink.SubtitleConfig;
import io.livesubs.sink.SubtitleService;
import io.livesubs.sink.SubtitleServiceBuilder;
import io.livesubs.sink.http.HttpConfig;
import io.livesubs.sink.sse.SseSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: runs the subtitle delivery service until the process is stopped. Meant to be
 * registered as a subcommand of the {@code livesubs} command line; never calls {@code System.exit}.
 * Invalid settings are reported as picocli parameter errors (exit code 2). One instance per
 * invocation; not thread-safe.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve live subtitles (WebVTT, SRT, HLS, Server-Sent Events) from livesubs.cues.")
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      // --schema-registry-url is the name older scripts and compose files used.
      names = {"--schema-registry", "--schema-registry-url"},
      defaultValue = "http://localhost:8085",
      paramLabel = "URL",
      description = "Schema registry URL (default: ${DEFAULT-VALUE}).")
  String registryUrl;

  @Option(
      names = "--application-id",
      defaultValue = SubtitleServiceBuilder.DEFAULT_APPLICATION_ID,
      description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
  String applicationId;

  @Option(
      names = "--state-dir",
      description = "State store directory (default: <tmp>/livesubs-subtitles).")
  Path stateDir;

  @Option(names = "--topic", description = "Cue topic (default: livesubs.cues).")
  String topic;

  @Option(
      names = "--create-topic-partitions",
      defaultValue = "0",
      description = "Create the cue topic with this many partitions if missing (0: require it).")
  int createTopicPartitions;

  @Option(
      names = "--http-port",
      defaultValue = "" + HttpConfig.DEFAULT_PORT,
      description = "HTTP port (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int httpPort;

  @Option(
      names = "--bind-address",
      defaultValue = "0.0.0.0",
      description = "HTTP bind address (default: ${DEFAULT-VALUE}).")
  String bindAddress;

  @Option(
      names = "--advertised-url",
      description =
          "URL other instances reach this one at (default: http://<bind address or localhost>:<port>).")
  URI advertisedUrl;

  @Option(
      names = "--cors-origin",
      split = ",",
      defaultValue = "*",
      description = "Origins allowed to read responses, comma-separated (default: *).")
  List<String> corsOrigins;

  @Option(
      names = "--segment-duration-ms",
      defaultValue = "" + SubtitleConfig.DEFAULT_SEGMENT_DURATION_MS,
      description = "HLS segment target duration in ms (default: ${DEFAULT-VALUE}).")
  long segmentDurationMs;

  @Option(
      names = "--playlist-window",
      defaultValue = "" + SubtitleConfig.DEFAULT_PLAYLIST_WINDOW,
      description = "Segments in a live playlist (default: ${DEFAULT-VALUE}).")
  int playlistWindow;

  @Option(
      names = "--mpegts-offset",
      defaultValue = "" + SubtitleConfig.DEFAULT_MPEG_TS_OFFSET,
      description =
          "PTS (90 kHz) of media time zero in X-TIMESTAMP-MAP (default: ${DEFAULT-VALUE}).")
  long mpegTsOffset;

  @Option(
      names = "--max-sse-clients-per-stream",
      defaultValue = "100",
      description = "Live-push clients per stream (default: ${DEFAULT-VALUE}).")
  int maxSseClientsPerStream;

  @Option(
      names = "--max-sse-clients",
      defaultValue = "2000",
      description = "Live-push clients in total (default: ${DEFAULT-VALUE}).")
  int maxSseClients;

  @Option(
      names = "--media-dir",
      paramLabel = "DIR",
      description =
          "Directory of <stream id>.wav files the player page plays along with the captions"
              + " (default: none).")
  Path mediaDir;

  @Option(
      names = "--standby-replicas",
      defaultValue = "0",
      description = "Standby replicas of the state stores (default: ${DEFAULT-VALUE}).")
  int standbyReplicas;

  @Override
  public Integer call() throws Exception {
    SubtitleServiceBuilder builder;
    try {
      builder = configure();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    SubtitleService service;
    try {
      service = builder.start();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println("livesubs serve: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println("livesubs serve: cannot listen on HTTP port " + httpPort + ": " + e);
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              service.close();
              stopped.countDown();
            },
            "livesubs-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Serving subtitles at " + service.url() + " (Ctrl-C to stop)");
    out.println("Player page: " + service.url() + "/");
    out.flush();
    stopped.await();
    return 0;
  }

  /** Builds the service settings from the options; does not start anything. */
  SubtitleServiceBuilder configure() {
    SubtitleServiceBuilder b =
        SubtitleService.builder()
            .bootstrapServers(bootstrapServers)
            .registryUrl(registryUrl)
            .applicationId(applicationId)
            .createTopicPartitions(createTopicPartitions)
            .httpPort(httpPort)
            .bindAddress(bindAddress)
            .corsOrigins(corsOrigins)
            .segmentDurationMs(segmentDurationMs)
            .playlistWindow(playlistWindow)
            .mpegTsOffset(mpegTsOffset)
            .standbyReplicas(standbyReplicas)
            .sse(
                SseSettings.defaults()
                    .withMaxClientsPerStream(maxSseClientsPerStream)
                    .withMaxClients(maxSseClients));
    if (stateDir != null) {
      b.stateDir(stateDir);
    }
    if (topic != null) {
      b.inputTopic(topic);
    }
    if (advertisedUrl != null) {
      b.advertisedUrl(advertisedUrl);
    }
    if (mediaDir != null) {
      b.mediaDir(mediaDir);
    }
    return b;
  }
}
