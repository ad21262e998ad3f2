package io.livesubs.sink.cli;

import picocli.CommandLine;

/** Entry point running {@link ServeCommand} alone: {@code java … SubtitlesMain [options]}. */
public final class SubtitlesMain {

  private SubtitlesMain() {}

  /** Runs {@code serve} with {@code args} and exits with its code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ServeCommand()).execute(args));
  }
}
