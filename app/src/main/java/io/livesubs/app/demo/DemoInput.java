package io.livesubs.app.demo;

import io.livesubs.ingest.audio.InvalidAudioException;
import io.livesubs.ingest.audio.PcmFormat;
import io.livesubs.ingest.cli.CliInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo's audio, prepared before anything starts: the {@code --input} WAV file, or the LibriVox
 * clips joined with a second of silence between them, converted once to the wire format and written
 * as {@code <media dir>/<stream id>.wav} for every stream. Ingest reads that file, and the player
 * page plays it in step with the captions. Immutable.
 *
 * @param description what the audio is, for the console and the summary
 * @param samples 16 kHz samples per stream
 * @param media the WAV file of the first stream (the others are links or copies of it)
 */
public record DemoInput(String description, long samples, Path media) {

  /** Seconds of audio per stream. */
  public double seconds() {
    return PcmFormat.samplesToSeconds(samples);
  }

  /**
   * Prepares the input of {@code settings} in {@code mediaDir} (created if missing).
   *
   * @param log where to say that the default input is being installed
   * @throws CliInputException if {@code --input} is missing, unreadable, not a usable WAV file or
   *     silent of samples
   * @throws IllegalStateException if the default input cannot be obtained
   */
  public static DemoInput prepare(DemoSettings settings, Path mediaDir, PrintWriter log)
      throws IOException {
    List<Path> files;
    String description;
    if (settings.input() != null) {
      Path input = settings.input();
      if (Files.isDirectory(input)) {
        throw new CliInputException(input + " is a directory, not a WAV file");
      }
      files = List.of(input);
      description = input.toString();
    } else {
      files = LibriVoxClips.locate(log);
      description =
          files.size()
              + " LibriVox clips of "
              + LibriVoxClips.PACKAGE
              + " ("
              + LibriVoxClips.DIRECTORY
              + ")";
    }
    Files.createDirectories(mediaDir);
    List<String> ids = settings.streamIds();
    Path first = mediaDir.resolve(ids.get(0) + ".wav");
    long samples;
    try (JoinedWavSource source = new JoinedWavSource(files, LibriVoxClips.GAP_MS)) {
      samples = MediaFile.write(source, first);
    } catch (NoSuchFileException e) {
      throw new CliInputException("input file not found: " + e.getFile(), e);
    } catch (InvalidAudioException e) {
      throw new CliInputException(e.getMessage(), e);
    }
    if (samples == 0) {
      throw new CliInputException(description + " has no audio samples");
    }
    for (String id : ids.subList(1, ids.size())) {
      Path copy = mediaDir.resolve(id + ".wav");
      Files.deleteIfExists(copy);
      try {
        Files.createLink(copy, first);
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(first, copy, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return new DemoInput(description, samples, first);
  }
}
