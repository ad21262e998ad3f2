package io.livesubs.inference.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrtRuntimeTest {
  @TempDir Path tmp;

  @Test
  void oneEnvironmentPerJvmWithCpuProvider() {
    assertSame(OrtRuntime.environment(), OrtRuntime.environment());
    assertTrue(OrtRuntime.availableProviders().contains(OrtProvider.CPU));
  }

  @Test
  void opensARealModelOnTheCpu() throws Exception {
    Path model = TestData.sileroModel();
    OrtSessionConfig config = OrtSessionConfig.builder().device("cpu").intraOpThreads(2).build();
    try (OrtSession session = OrtRuntime.openSession(model, config)) {
      assertEquals(Set.of("input", "state", "sr"), session.getInputNames());
    }
  }

  @Test
  void cudaOnACpuOnlyBuildFailsNamingTheGpuArtifact() {
    assumeFalse(OrtRuntime.cudaAvailable(), "CUDA provider present: nothing to check here");
    OrtSessionConfig config = OrtSessionConfig.builder().device("cuda:1").build();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> OrtRuntime.sessionOptions(config));
    assertTrue(e.getMessage().contains("cuda:1"), e.getMessage());
    assertTrue(e.getMessage().contains("onnxruntime_gpu"), e.getMessage());
  }

  @Test
  void missingOrCorruptModelFileIsAModelLoadException() throws IOException {
    ModelLoadException missing =
        assertThrows(
            ModelLoadException.class,
            () -> OrtRuntime.openSession(tmp.resolve("none.onnx"), OrtSessionConfig.DEFAULT));
    assertTrue(missing.getMessage().contains("none.onnx"), missing.getMessage());
    Path junk = Files.write(tmp.resolve("junk.onnx"), new byte[] {1, 2, 3, 4});
    ModelLoadException corrupt =
        assertThrows(
            ModelLoadException.class, () -> OrtRuntime.openSession(junk, OrtSessionConfig.DEFAULT));
    assertTrue(corrupt.getMessage().contains("junk.onnx"), corrupt.getMessage());
  }

  @Test
  void threadCountsAreValidated() {
    assertThrows(
        IllegalArgumentException.class, () -> OrtSessionConfig.builder().intraOpThreads(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> OrtSessionConfig.builder().interOpThreads(-1).build());
    assertEquals(1, OrtSessionConfig.DEFAULT.intraOpThreads());
    assertEquals(ExecutionDevice.CPU, OrtSessionConfig.DEFAULT.device());
  }
}
