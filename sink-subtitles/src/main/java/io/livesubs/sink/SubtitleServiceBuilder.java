package io.livesubs.sink;

import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.sink.http.HttpConfig;
import io.livesubs.sink.sse.SseSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builder of {@link SubtitleService}. Every setter stores; {@link #start()} validates everything,
 * naming the first invalid setting, and starts the service. Not thread-safe.
 */
public final class SubtitleServiceBuilder {

  /** Default Kafka Streams application id (also the prefix of the changelog topics). */
  public static final String DEFAULT_APPLICATION_ID = "livesubs-subtitles";

  String bootstrapServers;
  String registryUrl;
  String applicationId = DEFAULT_APPLICATION_ID;
  Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "livesubs-subtitles");
  int standbyReplicas;
  int createTopicPartitions;
  final Map<String, Object> streamsOverrides = new HashMap<>();
  private final SubtitleConfig.Builder subtitles = SubtitleConfig.builder();
  private HttpConfig http = HttpConfig.onPort(HttpConfig.DEFAULT_PORT);
  private SubtitleConfig builtSubtitles;

  SubtitleServiceBuilder() {}

  /** Kafka bootstrap servers (required). */
  public SubtitleServiceBuilder bootstrapServers(String servers) {
    this.bootstrapServers = servers;
    return this;
  }

  /** Schema registry URL (required). */
  public SubtitleServiceBuilder registryUrl(String url) {
    this.registryUrl = url;
    return this;
  }

  /** Kafka Streams application id; instances with the same id share the work. */
  public SubtitleServiceBuilder applicationId(String id) {
    this.applicationId = id;
    return this;
  }

  /** Directory of the local state stores. */
  public SubtitleServiceBuilder stateDir(Path dir) {
    this.stateDir = dir;
    return this;
  }

  /** Cue topic (default {@code livesubs.cues}). */
  public SubtitleServiceBuilder inputTopic(String topic) {
    subtitles.inputTopic(topic);
    return this;
  }

  /** Creates the cue topic with this many partitions if it is missing (0: require it). */
  public SubtitleServiceBuilder createTopicPartitions(int partitions) {
    this.createTopicPartitions = partitions;
    return this;
  }

  /** HTTP port (default 8080, 0 for any free port). */
  public SubtitleServiceBuilder httpPort(int port) {
    http = http.withPort(port);
    return this;
  }

  /** HTTP bind address (default {@code 0.0.0.0}). */
  public SubtitleServiceBuilder bindAddress(String address) {
    http = http.withBindAddress(address);
    return this;
  }

  /** URL other instances reach this one at (default {@code http://<bind address>:<port>}). */
  public SubtitleServiceBuilder advertisedUrl(URI url) {
    http = http.withAdvertisedUrl(url);
    return this;
  }

  /** Origins allowed to read responses ({@code *} for any, the default). */
  public SubtitleServiceBuilder corsOrigins(List<String> origins) {
    http = http.withCorsOrigins(origins);
    return this;
  }

  /** Live-push limits and timings. */
  public SubtitleServiceBuilder sse(SseSettings settings) {
    http = http.withSse(settings);
    return this;
  }

  /**
   * Directory of {@code <stream id>.wav} files the player page plays in step with the captions,
   * served at {@code /streams/{id}/media.wav} (default: none).
   */
  public SubtitleServiceBuilder mediaDir(Path dir) {
    http = http.withMediaDir(dir);
    return this;
  }

  /** HLS segment target duration in ms (default 6000). */
  public SubtitleServiceBuilder segmentDurationMs(long ms) {
    subtitles.segmentDurationMs(ms);
    return this;
  }

  /** Segments listed in a live playlist (default 10). */
  public SubtitleServiceBuilder playlistWindow(int segments) {
    subtitles.playlistWindow(segments);
    return this;
  }

  /** PTS (90 kHz) of media time zero (default 900000). */
  public SubtitleServiceBuilder mpegTsOffset(long ticks) {
    subtitles.mpegTsOffset(ticks);
    return this;
  }

  /** Standby replicas of the stores on other instances (default 0). */
  public SubtitleServiceBuilder standbyReplicas(int replicas) {
    this.standbyReplicas = replicas;
    return this;
  }

  /** Sets any other Kafka Streams property; applied last. */
  public SubtitleServiceBuilder streamsProperty(String name, Object value) {
    streamsOverrides.put(name, value);
    return this;
  }

  /**
   * Validates the settings and starts the service.
   *
   * @throws IllegalArgumentException naming the invalid setting
   * @throws IOException when the HTTP port cannot be bound
   */
  public SubtitleService start() throws IOException {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("Kafka bootstrap servers are not set");
    }
    if (registryUrl == null) {
      throw new IllegalArgumentException("schema registry URL is not set");
    }
    CachedSchemaRegistryClient.checkUrl(registryUrl);
    if (applicationId == null || !applicationId.matches("[A-Za-z0-9._-]{1,200}")) {
      throw new IllegalArgumentException(
          "application id must be 1-200 of [A-Za-z0-9._-], got '" + applicationId + "'");
    }
    if (stateDir == null) {
      throw new IllegalArgumentException("state directory is not set");
    }
    if (standbyReplicas < 0 || createTopicPartitions < 0) {
      throw new IllegalArgumentException("standby replicas and topic partitions must be >= 0");
    }
    Path mediaDir = http.mediaDir();
    if (mediaDir != null && !Files.isDirectory(mediaDir)) {
      throw new IllegalArgumentException("media directory " + mediaDir + " is not a directory");
    }
    builtSubtitles = subtitles.build();
    return SubtitleService.start(this);
  }

  SubtitleConfig subtitleConfig() {
    return builtSubtitles;
  }

  HttpConfig httpConfig() {
    return http;
  }
}
