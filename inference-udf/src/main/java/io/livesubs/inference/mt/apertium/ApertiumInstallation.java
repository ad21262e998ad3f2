package io.livesubs.inference.mt.apertium;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An Apertium installation: the data directory whose {@code modes/} folder lists the installed
 * translation directions ({@code eng-spa.mode}, …), and the Apertium tools on the {@code PATH}.
 * Debian installs both with {@code apt-get install apertium apertium-eng-spa}; the data directory
 * is {@code /usr/share/apertium} unless {@code APERTIUM_DATADIR} says otherwise (as for the {@code
 * apertium} command itself).
 *
 * <p>Immutable and thread-safe; {@link #modes()} reads the directory on every call, so pairs
 * installed while the JVM runs are seen.
 */
public final class ApertiumInstallation {

  /** The data directory Debian's packages install to. */
  public static final Path DEFAULT_DATA_DIR = Path.of("/usr/share/apertium");

  /** Turns a mode file into the null-flushing pipeline {@code apertium -z} would run. */
  static final String MODE_TOOL = "apertium-wblank-mode";

  private static final Pattern MODE_NAME =
      Pattern.compile("[a-z]{2,3}(_[A-Za-z]+)?-[a-z]{2,3}(_[A-Za-z]+)?");
  private static final long MODE_TOOL_TIMEOUT_S = 30;

  private final Path dataDir;

  private ApertiumInstallation(Path dataDir) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
  }

  /** The installation in {@code $APERTIUM_DATADIR}, or {@link #DEFAULT_DATA_DIR}. */
  public static ApertiumInstallation system() {
    String env = System.getenv("APERTIUM_DATADIR");
    return at(env != null && !env.isBlank() ? Path.of(env) : DEFAULT_DATA_DIR);
  }

  /** The installation whose data directory (holding {@code modes/}) is {@code dataDir}. */
  public static ApertiumInstallation at(Path dataDir) {
    return new ApertiumInstallation(dataDir);
  }

  /** The data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Whether translations can run: the mode tool is on the {@code PATH} and at least one mode is
   * installed.
   */
  public boolean isAvailable() {
    return onPath(MODE_TOOL) && !modes().isEmpty();
  }

  /** Installed translation directions by mode name ({@code eng-spa}, {@code spa-eng_US}, …). */
  public SortedSet<String> modes() {
    SortedSet<String> names = new TreeSet<>();
    Path dir = dataDir.resolve("modes");
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            String file = f.getFileName().toString();
            if (file.endsWith(".mode")) {
              String name = file.substring(0, file.length() - ".mode".length());
              if (MODE_NAME.matcher(name).matches()) {
                names.add(name);
              }
            }
          });
    } catch (IOException e) {
      return names; // an unreadable directory lists no pairs, like a missing one
    }
    return names;
  }

  /**
   * The installed mode translating {@code source} into {@code target} (BCP 47 tags), trying the
   * most specific codes first ({@code en-US} → {@code eng_US}, {@code eng}, {@code en}).
   *
   * @throws IllegalArgumentException if a tag is malformed
   */
  public Optional<String> resolve(String source, String target) {
    SortedSet<String> installed = modes();
    for (String s : ApertiumLanguages.candidates(source)) {
      for (String t : ApertiumLanguages.candidates(target)) {
        String mode = s + "-" + t;
        if (installed.contains(mode)) {
          return Optional.of(mode);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The stages of {@code mode}'s null-flushing pipeline, as {@code apertium -z} would run them.
   *
   * @param markUnknownWords whether the generator marks unknown words ({@code *word}) and
   *     generation errors ({@code #word}, {@code @word}) instead of printing them plainly
   * @throws IOException if the mode tool cannot run or fails
   * @throws IllegalArgumentException if the mode is not installed or its pipeline uses shell syntax
   *     beyond a plain pipeline
   */
  List<List<String>> pipeline(String mode, boolean markUnknownWords) throws IOException {
    Path modeFile = dataDir.resolve("modes").resolve(mode + ".mode");
    if (!MODE_NAME.matcher(mode).matches() || !Files.isRegularFile(modeFile)) {
      throw new IllegalArgumentException(
          "Apertium mode '" + mode + "' is not installed in " + dataDir.resolve("modes"));
    }
    Process tool =
        new ProcessBuilder(MODE_TOOL, "-z", modeFile.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    tool.getOutputStream().close();
    String text = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!tool.waitFor(MODE_TOOL_TIMEOUT_S, TimeUnit.SECONDS) || tool.exitValue() != 0) {
        tool.destroyForcibly();
        throw new IOException(MODE_TOOL + " failed for " + modeFile);
      }
    } catch (InterruptedException e) {
      tool.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + MODE_TOOL, e);
    }
    return ModePipeline.parse(text.strip(), markUnknownWords ? "-g" : "-n", "");
  }

  @Override
  public String toString() {
    return "Apertium in " + dataDir;
  }

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
