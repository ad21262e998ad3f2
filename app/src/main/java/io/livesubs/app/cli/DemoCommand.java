package io.livesubs.app.cli;

import io.livesubs.app.demo.DemoRun;
import io.livesubs.app.demo.DemoSettings;
import io.livesubs.app.demo.TranslationCheck;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.inference.mt.apertium.ApertiumInstallation;
import io.livesubs.jobs.cli.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs demo}: the whole system in one process on recorded speech (or a given WAV file),
 * printing captions as they come and writing subtitle files and a summary. The work is done by
 * {@link DemoRun}; this class only reads the options. A new instance per execution; not
 * thread-safe.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Caption recorded speech end to end: Kafka, the schema registry, the Flink job (web UI),"
          + " the subtitle service (player page) and ingest, all in this process.",
      "Prints the captions as they come and writes <stream>.<lang>.vtt/.srt, cues.jsonl and"
          + " summary.json to --out (with --translate, also <stream>.<target>.vtt/.srt)."
          + " Default input: public-domain LibriVox readings from the"
          + " Debian package pocketsphinx-testdata (installed with apt-get when missing)."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--input", paramLabel = "FILE.wav", description = "A WAV file to caption.")
  private Path input;

  @Option(
      names = "--streams",
      paramLabel = "N",
      description = "Send the input as N concurrent streams (default: ${DEFAULT-VALUE}).")
  private int streams = 1;

  @ArgGroup(exclusive = true)
  private Pace pace = new Pace();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the results (default: ${DEFAULT-VALUE}).")
  private Path out = Path.of("livesubs-out");

  @Option(
      names = "--keep-running",
      description = "Keep everything up after the streams ended, until Ctrl-C.")
  private boolean keepRunning;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "Port of the player page and subtitles (default: ${DEFAULT-VALUE}).")
  private int httpPort = 8080;

  @Option(
      names = "--web-port",
      paramLabel = "PORT",
      description = "Port of the Flink web UI (default: ${DEFAULT-VALUE}; a free one if taken).")
  private int webPort = LocalStack.DEFAULT_WEB_PORT;

  @Option(
      names = "--language",
      paramLabel = "BCP47",
      description = "Spoken language of the input (default: ${DEFAULT-VALUE}).")
  private String language = "en";

  @Option(
      names = "--translate",
      paramLabel = "LANG",
      split = ",",
      description =
          "Also translate the captions into these BCP-47 languages with Apertium, e.g. es or"
              + " es,ca (the language pairs must be installed: apertium-eng-spa, ...).")
  private List<String> translate = new ArrayList<>();

  @Option(
      names = "--end-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long to wait for the captions to finish after the audio was sent (default: 2 min"
              + " plus the audio's duration per stream).")
  private Duration endTimeout;

  /** {@code --realtime} or {@code --fast}. */
  static final class Pace {
    @Option(names = "--realtime", description = "Send the audio at live pace (default).")
    boolean realtime;

    @Option(names = "--fast", description = "Send the audio as fast as Kafka takes it.")
    boolean fast;
  }

  @Override
  public Integer call() throws Exception {
    DemoSettings settings;
    try {
      settings =
          new DemoSettings(
              input,
              streams,
              !pace.fast,
              out,
              keepRunning,
              httpPort,
              webPort,
              language,
              endTimeout,
              translate);
      TranslationCheck.requireSupported(
          ApertiumInstallation.system(), settings.language(), settings.translateTo());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    boolean terminal = System.console() != null;
    try (DemoRun run =
        new DemoRun(settings, spec.commandLine().getOut(), spec.commandLine().getErr(), terminal)) {
      Thread hook = new Thread(run::close, "livesubs-demo-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        return run.run();
      } finally {
        removeHook(hook);
      }
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running or has run
    }
  }
}
