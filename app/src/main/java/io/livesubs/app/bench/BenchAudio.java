package io.livesubs.app.bench;

import io.livesubs.app.demo.JoinedWavSource;
import io.livesubs.app.demo.LibriVoxClips;
import io.livesubs.app.job.JobJars;
import io.livesubs.ingest.audio.InvalidAudioException;
import io.livesubs.ingest.audio.MonoPcmSource;
import io.livesubs.ingest.audio.PcmFormat;
import io.livesubs.ingest.cli.CliInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audio every phase of the benchmark runs on, in the wire format (16 kHz mono 16-bit), read
 * into memory once before anything is measured. The default is the long-form English evaluation
 * file {@value #DEFAULT_FILE} of the shared data, when present, else the demo's recorded speech
 * ({@link LibriVoxClips}, joined as the demo joins them). Immutable apart from the sample array,
 * which nobody writes after loading.
 *
 * @param description what the audio is, for the report
 * @param samples the audio
 */
public record BenchAudio(String description, short[] samples) {

  /** The default input below the shared data directory. */
  public static final String DEFAULT_FILE = "eval/longform/en_dev_mix.wav";

  /** Seconds of audio. */
  public double seconds() {
    return PcmFormat.samplesToSeconds(samples.length);
  }

  /**
   * Reads {@code input}, or the default input when it is {@code null}.
   *
   * @param log where to say that the demo's default input is being installed
   * @throws CliInputException if {@code input} is missing, not a usable WAV file or empty
   */
  public static BenchAudio load(Path input, PrintWriter log) throws IOException {
    if (input != null) {
      if (Files.isDirectory(input)) {
        throw new CliInputException(input + " is a directory, not a WAV file");
      }
      return read(List.of(input), input.toString());
    }
    for (Path candidate : defaultCandidates()) {
      if (Files.isRegularFile(candidate)) {
        return read(List.of(candidate), candidate.normalize().toString());
      }
    }
    List<Path> clips = LibriVoxClips.locate(log);
    return read(clips, clips.size() + " LibriVox clips of " + LibriVoxClips.PACKAGE);
  }

  /**
   * Where the default file may be: below {@code livesubs.shared.dir}, below {@code ../shared} of
   * the repository ({@code livesubs.repo.dir}, set by the launcher) and below {@code ../shared} of
   * the working directory.
   */
  static List<Path> defaultCandidates() {
    List<Path> candidates = new ArrayList<>();
    String shared = System.getProperty("livesubs.shared.dir");
    if (shared != null && !shared.isBlank()) {
      candidates.add(Path.of(shared).resolve(DEFAULT_FILE));
    }
    String repo = System.getProperty(JobJars.REPO_DIR_PROPERTY);
    if (repo != null && !repo.isBlank()) {
      candidates.add(Path.of(repo).resolve("..").resolve("shared").resolve(DEFAULT_FILE));
    }
    candidates.add(Path.of("..", "shared").resolve(DEFAULT_FILE));
    return candidates;
  }

  private static BenchAudio read(List<Path> files, String description) throws IOException {
    try (JoinedWavSource source = new JoinedWavSource(files, LibriVoxClips.GAP_MS)) {
      short[] samples = readAll(source);
      if (samples.length == 0) {
        throw new CliInputException(description + " has no audio samples");
      }
      return new BenchAudio(description, samples);
    } catch (NoSuchFileException e) {
      throw new CliInputException("input file not found: " + e.getFile(), e);
    } catch (InvalidAudioException e) {
      throw new CliInputException(e.getMessage(), e);
    }
  }

  /** Reads {@code source} to its end. */
  static short[] readAll(MonoPcmSource source) throws IOException {
    short[] samples = new short[PcmFormat.SAMPLE_RATE * 60];
    int length = 0;
    while (true) {
      if (length == samples.length) {
        samples = Arrays.copyOf(samples, samples.length * 2);
      }
      int n = source.read(samples, length, samples.length - length);
      if (n < 0) {
        return Arrays.copyOf(samples, length);
      }
      length += n;
    }
  }
}
