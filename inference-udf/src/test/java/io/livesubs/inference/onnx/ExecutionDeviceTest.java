package io.livesubs.inference.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionDeviceTest {
  @ParameterizedTest
  @CsvSource({
    "cpu,CPU,0",
    " CPU ,CPU,0",
    "cuda,CUDA,0",
    "gpu,CUDA,0",
    "cuda:0,CUDA,0",
    "CUDA:3,CUDA,3"
  })
  void parsesAcceptedForms(String text, ExecutionDevice.Kind kind, int id) {
    ExecutionDevice d = ExecutionDevice.parse(text);
    assertEquals(kind, d.kind());
    assertEquals(id, d.deviceId());
    assertEquals(d, ExecutionDevice.parse(d.toString()), "toString round-trips");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "tpu", "cuda:", "cuda:-1", "cuda:x", "cuda:1:2", "cpu:0"})
  void rejectsOtherFormsNamingTheValue(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExecutionDevice.parse(text));
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("cuda:N"), e.getMessage());
  }
}
