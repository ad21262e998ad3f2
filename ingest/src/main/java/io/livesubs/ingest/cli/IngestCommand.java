package io.livesubs.ingest.cli;

import io.livesubs.ingest.AudioChunkProducer;
import io.livesubs.ingest.IngestRunner;
import io.livesubs.ingest.IngestSummary;
import io.livesubs.ingest.KafkaChunkSink;
import io.livesubs.ingest.Pacer;
import io.livesubs.ingest.ProgressReporter;
import io.livesubs.ingest.audio.InvalidAudioException;
import io.livesubs.ingest.audio.MonoPcmSource;
import io.livesubs.ingest.audio.RawPcmSource;
import io.livesubs.ingest.audio.WavFileSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs ingest}: produces a WAV file, or raw 16 kHz mono s16le audio from stdin, to Kafka
 * as the chunks of one or more live streams, paced to real time or as fast as Kafka takes them,
 * optionally with injected faults. Progress and a summary go to stderr.
 *
 * <p>Exit codes: 0 done; 2 bad arguments or unusable input (one line, checked before connecting); 1
 * other failures, such as an unreachable broker or registry (one line, within about 10 s). Never
 * calls {@code System.exit}: register it as a subcommand and install {@link CliErrors}. A new
 * instance per execution; not thread-safe.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    versionProvider = IngestVersion.class,
    sortOptions = false,
    description = {
      "Produce live-stream audio to Kafka (topic livesubs.audio) as AudioChunk records.",
      "Input: --input FILE.wav (any PCM/float WAV; downmixed and resampled to 16 kHz mono),"
          + " or - for raw s16le 16 kHz mono on stdin, e.g."
          + " ffmpeg -i URL -f s16le -ar 16000 -ac 1 - | livesubs ingest --stream-id ID -"
    })
public final class IngestCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--stream-id", required = true, paramLabel = "ID", description = "Stream id.")
  private String streamId;

  @Option(names = "--input", paramLabel = "FILE.wav", description = "WAV file to send.")
  private Path input;

  @Parameters(
      arity = "0..1",
      paramLabel = "-",
      description = "Read raw s16le 16 kHz mono audio from stdin instead of --input.")
  private String stdinMarker;

  @Option(
      names = "--chunk-ms",
      defaultValue = "200",
      description = "Audio per chunk, 20..2000 ms (default ${DEFAULT-VALUE}).")
  private int chunkMs;

  @ArgGroup(exclusive = true)
  private Pace pace = new Pace();

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}).")
  private String bootstrapServers;

  @Option(
      names = "--schema-registry",
      defaultValue = "http://localhost:8085",
      paramLabel = "URL",
      description = "Schema registry URL (default ${DEFAULT-VALUE}).")
  private String schemaRegistry;

  @Option(names = "--language", paramLabel = "BCP47", description = "Spoken language hint.")
  private String language;

  @Option(
      names = "--streams",
      defaultValue = "1",
      paramLabel = "N",
      description = "Send N streams ID-1..ID-N from the one input, 1..1000 (default 1).")
  private int streams;

  @Option(
      names = "--reorder-ms",
      defaultValue = "0",
      description = "Shuffle chunks within windows of this much audio, 0..60000.")
  private int reorderMs;

  @Option(names = "--duplicate-rate", defaultValue = "0", description = "Send chunks twice [0,1].")
  private double duplicateRate;

  @Option(names = "--drop-rate", defaultValue = "0", description = "Never send chunks [0,1].")
  private double dropRate;

  @Option(
      names = "--corrupt-rate",
      defaultValue = "0",
      description = "Send invalid bytes instead of chunks [0,1].")
  private double corruptRate;

  @Option(names = "--seed", description = "Seed of the faults (default: random, printed).")
  private Long seed;

  private final InputStream stdin;

  /** A command reading {@code -} from {@link System#in}. */
  public IngestCommand() {
    this(System.in);
  }

  /** A command reading {@code -} from {@code stdin}. */
  public IngestCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  /** {@code --realtime} or {@code --fast}. */
  static final class Pace {
    @Option(names = "--realtime", description = "Send at the pace of live audio (default).")
    boolean realtime;

    @Option(names = "--fast", description = "Send as fast as Kafka takes it.")
    boolean fast;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    IngestOptions options =
        IngestOptions.validate(
            spec.commandLine(),
            new IngestOptions.Raw(
                streamId,
                input,
                stdinMarker,
                chunkMs,
                !pace.fast,
                bootstrapServers,
                schemaRegistry,
                language,
                streams,
                reorderMs,
                duplicateRate,
                dropRate,
                corruptRate,
                seed == null ? new Random().nextLong() : seed));
    PrintWriter err = spec.commandLine().getErr();
    try (MonoPcmSource source = openSource(options)) {
      IngestSummary summary = send(options, source, err);
      IngestReportFormat.print(summary, options, err);
      return 0;
    } catch (InvalidAudioException e) {
      throw new CliInputException(e.getMessage(), e);
    }
  }

  private MonoPcmSource openSource(IngestOptions options) throws IOException {
    if (options.input() == null) {
      BufferedInputStream in = new BufferedInputStream(stdin, 1 << 16);
      // Wait for the first byte before connecting anywhere, so an empty stdin is bad input.
      in.mark(1);
      if (in.read() < 0) {
        throw new CliInputException("stdin has no audio samples");
      }
      in.reset();
      return new RawPcmSource(in, "stdin");
    }
    Path path = options.input();
    if (Files.isDirectory(path)) {
      throw new CliInputException(path + " is a directory, not a WAV file");
    }
    try {
      return WavFileSource.open(path);
    } catch (NoSuchFileException e) {
      throw new CliInputException("input file not found: " + path, e);
    } catch (InvalidAudioException e) {
      throw new CliInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new CliInputException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static IngestSummary send(IngestOptions options, MonoPcmSource source, PrintWriter err)
      throws IOException, InterruptedException {
    try (KafkaChunkSink sink =
        KafkaChunkSink.builder()
            .bootstrapServers(options.bootstrapServers())
            .schemaRegistryUrl(options.schemaRegistry())
            .build()) {
      List<AudioChunkProducer> producers = new ArrayList<>();
      try {
        long startEpochMs = System.currentTimeMillis();
        for (String id : options.streamIds()) {
          producers.add(
              AudioChunkProducer.builder()
                  .sink(sink)
                  .streamId(id)
                  .chunkMs(options.chunkMs())
                  .languageHint(options.language())
                  .streamStartEpochMs(startEpochMs)
                  .faults(options.faults())
                  .build());
        }
        Pacer pacer = options.realtime() ? Pacer.realtime() : null;
        ProgressReporter progress =
            new ProgressReporter(err, Duration.ofSeconds(5), System::nanoTime);
        return new IngestRunner(
                source, producers, options.chunkMs(), pacer, progress, System::nanoTime)
            .run();
      } finally {
        producers.forEach(AudioChunkProducer::close);
      }
    }
  }
}
