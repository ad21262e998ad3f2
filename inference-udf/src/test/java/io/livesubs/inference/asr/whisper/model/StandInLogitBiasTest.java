package io.livesubs.inference.asr.whisper.model;

import static io.livesubs.inference.asr.whisper.model.StandInInputs.argmax;
import static io.livesubs.inference.asr.whisper.model.StandInInputs.mel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stand-in script's {@code --logit-bias} forces the model's choice, whatever the audio. */
class StandInLogitBiasTest {
  private static final int NO_SPEECH = 50362;

  @Test
  void aLargeBiasOnNoSpeechWinsEveryStepAndTheUnbiasedModelDiffers() {
    try (OnnxWhisperModel biased =
            OnnxWhisperModel.open(
                StandInModels.get(
                    "whisper-tiny-nospeech",
                    "tiny",
                    DecoderLayout.MERGED,
                    Map.of("<|nospeech|>", 1000f)));
        OnnxWhisperModel plain = OnnxWhisperModel.open(StandInModels.tiny(DecoderLayout.MERGED))) {
      List<float[]> mels = List.of(mel(80, 5), mel(80, 6));
      try (DecoderBatch b = biased.startBatch(mels);
          DecoderBatch p = plain.startBatch(mels)) {
        for (int token : new int[] {50258, 50259, 50359}) {
          float[][] withBias = b.step(new int[] {token, token});
          float[][] without = p.step(new int[] {token, token});
          for (int r = 0; r < 2; r++) {
            assertEquals(NO_SPEECH, argmax(withBias[r]), "row " + r);
            assertNotEquals(NO_SPEECH, argmax(without[r]), "row " + r);
            assertEquals(without[r][NO_SPEECH] + 1000f, withBias[r][NO_SPEECH], 1e-2);
          }
        }
      }
    }
  }
}
