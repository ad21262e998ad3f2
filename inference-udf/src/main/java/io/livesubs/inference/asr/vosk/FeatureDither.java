package io.livesubs.inference.asr.vosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The dither setting of a Vosk model's feature extraction ({@code conf/mfcc.conf}).
 *
 * <p>Kaldi adds random noise to every frame before computing MFCC features unless {@code --dither}
 * is 0, and its default is 1.0. With dithering the same audio decodes to different words and times
 * from run to run, which breaks the job's guarantee that a decoder rebuilt after a restore (by
 * replaying the open segment's audio) gives the output of a run without failure. The build appends
 * {@code --dither=0.0} to the provisioned model's {@code conf/mfcc.conf}; {@link VoskEngine} checks
 * it with this class.
 *
 * <p>Parsing follows Kaldi's config files: one {@code --name=value} per line, {@code #} starts a
 * comment, and a later occurrence of an option overrides an earlier one. Stateless and thread-safe.
 */
final class FeatureDither {

  /** The feature configuration file below a Vosk model directory. */
  static final String CONFIG_FILE = "conf/mfcc.conf";

  /** Kaldi's dither when the configuration does not set one. */
  static final double KALDI_DEFAULT = 1.0;

  private static final String OPTION = "--dither=";

  private FeatureDither() {}

  /**
   * The dither in effect for {@code lines} of a Kaldi config file: the value of the last {@code
   * --dither=} option, else {@link #KALDI_DEFAULT}.
   *
   * @throws IllegalArgumentException if a {@code --dither} value is not a number
   */
  static double effective(List<String> lines) {
    double dither = KALDI_DEFAULT;
    for (String line : lines) {
      int comment = line.indexOf('#');
      String option = (comment >= 0 ? line.substring(0, comment) : line).strip();
      if (option.startsWith(OPTION)) {
        String value = option.substring(OPTION.length()).strip();
        try {
          dither = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--dither value '" + value + "' is not a number", e);
        }
      }
    }
    return dither;
  }

  /**
   * The dither in effect for the model in {@code modelDir}.
   *
   * @throws IllegalArgumentException if the model has no {@value #CONFIG_FILE} or its dither value
   *     is not a number
   * @throws UncheckedIOException if the file cannot be read
   */
  static double of(Path modelDir) {
    Path config = modelDir.resolve(CONFIG_FILE);
    try {
      return effective(Files.readAllLines(config));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          modelDir + " has no " + CONFIG_FILE + " (feature settings of a Vosk model)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + config, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(config + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that the model in {@code modelDir} decodes deterministically.
   *
   * @throws IllegalArgumentException naming the file and the fix if its dither is not 0
   */
  static void requireDisabled(Path modelDir) {
    double dither = of(modelDir);
    if (dither != 0.0) {
      throw new IllegalArgumentException(
          "Vosk model "
              + modelDir
              + " dithers its features (--dither="
              + dither
              + " in "
              + CONFIG_FILE
              + "), so the same audio decodes differently from run to run; append the line"
              + " --dither=0.0 to "
              + modelDir.resolve(CONFIG_FILE)
              + " (the inference-udf build does this for the model it provisions), or accept"
              + " non-deterministic decoding with VoskEngine.Builder.allowDither(true)");
    }
  }
}
