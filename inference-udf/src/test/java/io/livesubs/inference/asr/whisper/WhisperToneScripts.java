package io.livesubs.inference.asr.whisper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livesubs.inference.asr.whisper.WhisperScriptedModel.Script;
import io.livesubs.inference.asr.whisper.features.LogMelSpectrogram;
import io.livesubs.inference.asr.whisper.features.MelFilterBank;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams for engine tests on the scripted model: stream {@code k} is a pure tone whose frequency
 * puts the peak of its log-mel in a bin of its own, and the model's selector maps that bin back to
 * script {@code k}. So each stream's audio, not its position in a batch, decides what it "says".
 */
final class WhisperToneScripts {
  private static final int FRAMES = 50;

  private final Map<Integer, Integer> scriptByBin = new HashMap<>();
  private final WhisperTokenizer tokenizer;
  private final MelFilterBank filters;

  WhisperToneScripts(WhisperTokenizer tokenizer, int streams) throws IOException {
    this.tokenizer = tokenizer;
    this.filters = MelFilterBank.load(WhisperTestFiles.asset("mel_filters.npz"), 80);
    LogMelSpectrogram mel = new LogMelSpectrogram(filters);
    for (int k = 0; k < streams; k++) {
      float[] audio = LogMelSpectrogram.toFloat(tone(k, 16_000));
      scriptByBin.put(peakBin(mel.window(audio)), k);
    }
    assertEquals(streams, scriptByBin.size(), "every tone needs a mel bin of its own");
  }

  /** {@code samples} of stream {@code k}'s tone. */
  static short[] tone(int k, int samples) {
    double hz = 300 + 250 * k;
    short[] pcm = new short[samples];
    for (int i = 0; i < samples; i++) {
      pcm[i] = (short) Math.round(9000 * Math.sin(2 * Math.PI * hz * i / 16_000));
    }
    return pcm;
  }

  /** The script index of a window (its tone's stream), for {@link WhisperScriptedModel}. */
  int select(float[] window) {
    Integer k = scriptByBin.get(peakBin(window));
    if (k == null) {
      throw new IllegalArgumentException("window holds none of the test tones");
    }
    return k;
  }

  /** One confident script per stream: {@code <|0.00|> text <|2.00|>}. */
  List<Script> scripts(List<String> texts, String language) {
    List<Script> out = new ArrayList<>();
    for (String text : texts) {
      int[] body = tokenizer.encode(text);
      int[] tokens = new int[body.length + 2];
      tokens[0] = tokenizer.specials().timestampToken(0);
      System.arraycopy(body, 0, tokens, 1, body.length);
      tokens[tokens.length - 1] = tokenizer.specials().timestampToken(2.0);
      out.add(Script.speech(language, tokens));
    }
    return out;
  }

  MelFilterBank filters() {
    return filters;
  }

  private static int peakBin(float[] window) {
    int best = 0;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (int m = 0; m < 80; m++) {
      double sum = 0;
      for (int f = 0; f < FRAMES; f++) {
        sum += window[m * LogMelSpectrogram.N_FRAMES + f];
      }
      if (sum > bestMean) {
        bestMean = sum;
        best = m;
      }
    }
    return best;
  }
}
