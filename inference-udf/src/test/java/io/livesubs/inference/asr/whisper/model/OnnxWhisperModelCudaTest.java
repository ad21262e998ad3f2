package io.livesubs.inference.asr.whisper.model;

import static io.livesubs.inference.asr.whisper.model.StandInInputs.assertClose;
import static io.livesubs.inference.asr.whisper.model.StandInInputs.decode;
import static io.livesubs.inference.asr.whisper.model.StandInInputs.mel;
import static io.livesubs.inference.asr.whisper.model.StandInInputs.tokens;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.inference.onnx.ExecutionDevice;
import io.livesubs.inference.onnx.OrtRuntime;
import io.livesubs.inference.onnx.OrtSessionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CUDA path gives the CPU's logits. Runs only with the {@code cuda} Maven profile
 * (onnxruntime_gpu) on a machine with an NVIDIA driver; skipped with the reason otherwise.
 */
class OnnxWhisperModelCudaTest {
  @Test
  void cudaMatchesCpuOnBothLayouts() {
    assumeTrue(
        OrtRuntime.cudaAvailable(),
        "CUDA test skipped: the ONNX Runtime on the classpath has no CUDA provider"
            + " (build with -Pcuda to use onnxruntime_gpu)");
    assumeTrue(
        Files.exists(Path.of("/dev/nvidiactl")) || Files.exists(Path.of("/proc/driver/nvidia")),
        "CUDA test skipped: no NVIDIA driver on this machine");
    OrtSessionConfig gpu = OrtSessionConfig.builder().device(ExecutionDevice.cuda(0)).build();
    List<float[]> mels = List.of(mel(80, 31), mel(80, 32), mel(80, 33));
    int[][] sequences = {tokens(0, 6), tokens(1, 6), tokens(2, 6)};
    for (DecoderLayout layout : DecoderLayout.values()) {
      Path dir = StandInModels.tiny(layout);
      List<float[][]> cpu;
      try (OnnxWhisperModel model = OnnxWhisperModel.open(dir)) {
        cpu = decode(model, mels, sequences);
      }
      try (OnnxWhisperModel model =
          OnnxWhisperModel.builder().folder(dir).sessionConfig(gpu).build()) {
        List<float[][]> cuda = decode(model, mels, sequences);
        for (int s = 0; s < cpu.size(); s++) {
          for (int r = 0; r < mels.size(); r++) {
            // GPU kernels (TF32 matmuls, other reduction orders) differ in the last bits.
            assertClose(cpu.get(s)[r], cuda.get(s)[r], 2e-2, layout + " step " + s + " row " + r);
          }
        }
      }
    }
  }
}
