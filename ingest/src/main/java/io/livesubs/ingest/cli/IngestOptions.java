package io.livesubs.ingest.cli;

import io.livesubs.ingest.AudioChunkProducer;
import io.livesubs.ingest.LanguageTags;
import io.livesubs.ingest.fault.FaultConfig;
import io.livesubs.schemas.StreamIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The validated settings of {@link IngestCommand}. Immutable.
 *
 * @param streamIds the ids to send as: {@code ID} alone, or {@code ID-1..ID-N}
 * @param input the WAV file, or null for raw audio on stdin
 * @param chunkMs audio per chunk
 * @param realtime pace to real time (else as fast as possible)
 * @param bootstrapServers Kafka bootstrap servers
 * @param schemaRegistry schema registry URL
 * @param language language hint or null
 * @param faults faults to inject
 */
record IngestOptions(
    List<String> streamIds,
    Path input,
    int chunkMs,
    boolean realtime,
    String bootstrapServers,
    String schemaRegistry,
    String language,
    FaultConfig faults) {

  static final int MAX_STREAMS = 1000;
  static final int MAX_REORDER_MS = 60_000;

  IngestOptions {
    streamIds = List.copyOf(streamIds);
  }

  /** The options as parsed, before validation. */
  record Raw(
      String streamId,
      Path input,
      String stdinMarker,
      int chunkMs,
      boolean realtime,
      String bootstrapServers,
      String schemaRegistry,
      String language,
      int streams,
      int reorderMs,
      double duplicateRate,
      double dropRate,
      double corruptRate,
      long seed) {}

  /**
   * Checks every option.
   *
   * @throws ParameterException naming the first bad option
   */
  static IngestOptions validate(CommandLine cmd, Raw raw) {
    Checker check = new Checker(cmd);
    if (raw.stdinMarker() != null && !raw.stdinMarker().equals("-")) {
      check.fail(
          "unexpected argument '" + raw.stdinMarker() + "': give --input FILE.wav, or - for stdin");
    }
    boolean stdin = raw.stdinMarker() != null;
    if (stdin == (raw.input() != null)) {
      check.fail(
          stdin
              ? "give either --input FILE.wav or - (stdin), not both"
              : "no input: give --input FILE.wav, or - to read raw s16le 16 kHz mono from stdin");
    }
    check.range(
        "--chunk-ms",
        raw.chunkMs(),
        AudioChunkProducer.MIN_CHUNK_MS,
        AudioChunkProducer.MAX_CHUNK_MS);
    check.range("--streams", raw.streams(), 1, MAX_STREAMS);
    check.range("--reorder-ms", raw.reorderMs(), 0, MAX_REORDER_MS);
    check.rate("--duplicate-rate", raw.duplicateRate());
    check.rate("--drop-rate", raw.dropRate());
    check.rate("--corrupt-rate", raw.corruptRate());
    List<String> ids = streamIds(check, raw.streamId(), raw.streams());
    if (raw.language() != null) {
      check.call("--language", () -> LanguageTags.validate(raw.language()));
    }
    checkBootstrap(check, raw.bootstrapServers());
    checkUrl(check, raw.schemaRegistry());
    FaultConfig faults =
        new FaultConfig(
            raw.reorderMs(), raw.duplicateRate(), raw.dropRate(), raw.corruptRate(), raw.seed());
    return new IngestOptions(
        ids,
        raw.input(),
        raw.chunkMs(),
        raw.realtime(),
        raw.bootstrapServers().strip(),
        raw.schemaRegistry().strip(),
        raw.language(),
        faults);
  }

  private static List<String> streamIds(Checker check, String id, int streams) {
    check.call("--stream-id", () -> StreamIds.validate(id));
    if (streams == 1) {
      return List.of(id);
    }
    List<String> ids = new ArrayList<>(streams);
    for (int i = 1; i <= streams; i++) {
      String derived = id + "-" + i;
      check.call("--stream-id with --streams " + streams, () -> StreamIds.validate(derived));
      ids.add(derived);
    }
    return ids;
  }

  private static void checkBootstrap(Checker check, String servers) {
    if (servers == null || servers.isBlank()) {
      check.fail("--bootstrap-servers is empty");
    }
    for (String server : servers.strip().split(",")) {
      int colon = server.lastIndexOf(':');
      String port = colon < 0 ? "" : server.substring(colon + 1);
      if (colon <= 0 || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
        check.fail("--bootstrap-servers: '" + server + "' is not host:port");
      }
    }
  }

  private static void checkUrl(Checker check, String url) {
    String message = "--schema-registry: '" + url + "' is not an http:// or https:// URL";
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        check.fail(message);
      }
    } catch (URISyntaxException e) {
      check.fail(message);
    }
  }

  /** Throws picocli's ParameterException so bad options are reported like parse errors. */
  private record Checker(CommandLine cmd) {
    void fail(String message) {
      throw new ParameterException(cmd, message);
    }

    void range(String option, int value, int min, int max) {
      if (value < min || value > max) {
        fail(option + " must be " + min + " to " + max + ", was " + value);
      }
    }

    void rate(String option, double value) {
      if (!(value >= 0 && value <= 1)) {
        fail(option + " must be in [0, 1], was " + value);
      }
    }

    void call(String option, Runnable validation) {
      try {
        validation.run();
      } catch (IllegalArgumentException e) {
        fail("invalid " + option + ": " + e.getMessage());
      }
    }
  }
}
