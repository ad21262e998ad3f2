package io.livesubs.inference.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VadConfigTest {
  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            (UnaryOperator<VadConfig.Builder>) b -> b.startThreshold(0f), "startThreshold"),
        Arguments.of(
            (UnaryOperator<VadConfig.Builder>) b -> b.startThreshold(1f), "startThreshold"),
        Arguments.of((UnaryOperator<VadConfig.Builder>) b -> b.endThreshold(0.6f), "endThreshold"),
        Arguments.of((UnaryOperator<VadConfig.Builder>) b -> b.minSpeechMs(-1), "minSpeechMs"),
        Arguments.of((UnaryOperator<VadConfig.Builder>) b -> b.minSilenceMs(20), "minSilenceMs"),
        Arguments.of((UnaryOperator<VadConfig.Builder>) b -> b.speechPadMs(600), "speechPadMs"),
        Arguments.of((UnaryOperator<VadConfig.Builder>) b -> b.maxSegmentMs(400), "maxSegmentMs"),
        Arguments.of((UnaryOperator<VadConfig.Builder>) b -> b.cutSearchMs(12_000), "cutSearchMs"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void buildRejectsInvalidSettingsNamingThem(UnaryOperator<VadConfig.Builder> change, String name) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> change.apply(VadConfig.builder()).build());
    assertTrue(e.getMessage().contains(name), e.getMessage());
  }

  @Test
  void defaultsMatchTheDocumentedValues() {
    VadConfig d = VadConfig.DEFAULT;
    assertEquals(0.5f, d.startThreshold());
    assertEquals(0.35f, d.endThreshold());
    assertTrue(d.speechPadMs() <= d.minSilenceMs());
    assertEquals(250, d.minSpeechMs());
    assertEquals(500, d.minSilenceMs());
    assertEquals(200, d.speechPadMs());
    assertEquals(12_000, d.maxSegmentMs());
    assertEquals(16_000, VadConfig.samples(1_000));
  }
}
