package io.livesubs.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's default input: recorded English speech, public-domain LibriVox readings of <i>Sense
 * and Sensibility</i> that the Debian package {@value #PACKAGE} ships in {@link #DIRECTORY}. The
 * project never stores the audio itself; when the package is missing, {@link #locate} installs it
 * with apt-get. Stateless and thread-safe.
 */
public final class LibriVoxClips {

  /** The Debian package with the clips. */
  public static final String PACKAGE = "pocketsphinx-testdata";

  /** Where the package puts the clips. */
  public static final Path DIRECTORY = Path.of("/usr/share/pocketsphinx/test/data/librivox");

  /** Silence put between two clips when they are joined into one stream. */
  public static final int GAP_MS = 1000;

  private LibriVoxClips() {}

  /**
   * The clips in name order (which is reading order), installing the package first if needed.
   *
   * @param log where to say that the package is being installed
   * @throws IllegalStateException saying how to get the clips, if they are missing and the package
   *     could not be installed
   */
  public static List<Path> locate(PrintWriter log) {
    List<Path> clips = in(DIRECTORY);
    if (!clips.isEmpty()) {
      return clips;
    }
    log.println(
        "installing the Debian package " + PACKAGE + " (recorded English speech for the demo)...");
    log.flush();
    try {
      DebianPackages.install(PACKAGE);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the demo's recorded speech is missing ("
              + DIRECTORY
              + ") and installing "
              + PACKAGE
              + " failed: "
              + e.getMessage()
              + "; install it (sudo apt-get install "
              + PACKAGE
              + ") or give --input FILE.wav",
          e);
    }
    clips = in(DIRECTORY);
    if (clips.isEmpty()) {
      throw new IllegalStateException(
          PACKAGE + " is installed but " + DIRECTORY + " has no WAV files; give --input FILE.wav");
    }
    return clips;
  }

  /** The {@code .wav} files directly in {@code dir}, by name; empty when there is no such dir. */
  static List<Path> in(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".wav")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
