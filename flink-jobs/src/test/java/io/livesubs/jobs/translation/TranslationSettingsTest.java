package io.livesubs.jobs.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.LivesubsJobConfig;
import io.livesubs.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranslationSettingsTest {

  @Test
  void defaultsAreOffWithBoundedCapacity() {
    TranslationSettings d = TranslationSettings.defaults();
    assertFalse(d.enabled());
    assertEquals(List.of(), d.defaultTargets());
    assertEquals(100, d.capacity());
    assertEquals(Duration.ofSeconds(10), d.timeout());
    assertEquals(Topics.STREAMS, d.streamsTopic());
  }

  @Test
  void optionsApplyThroughTheJobConfigBuilder() {
    LivesubsJobConfig config =
        LivesubsJobConfig.builder()
            .bootstrapServers("localhost:9092")
            .schemaRegistryUrl("http://localhost:8081")
            .translationOption("translation.enabled", "true")
            .translationOption("translation.default-targets", "es, fr")
            .translationOption("translation.timeout-ms", "2500")
            .translationOption("translation.capacity", "7")
            .translationOption("translation.threads", "3")
            .build();
    TranslationSettings t = config.translation();
    assertTrue(t.enabled());
    assertEquals(List.of("es", "fr"), t.defaultTargets());
    assertEquals(Duration.ofMillis(2500), t.timeout());
    assertEquals(7, t.capacity());
    assertEquals(3, t.threads());
  }

  @Test
  void marianOptionsSelectTheNeuralEngine() {
    TranslationSettings d = TranslationSettings.defaults();
    assertEquals(TranslationSettings.APERTIUM, d.engine());
    assertEquals("cpu", d.marianDevice());
    assertEquals(1, d.marianBeamSize());
    TranslationSettings m =
        d.withOptions(
            Map.of(
                "translation.engine", "Marian",
                "translation.marian.model-dir", "/models/opus-mt-en-es",
                "translation.marian.device", "CUDA",
                "translation.marian.beam-size", "4"));
    assertEquals(TranslationSettings.MARIAN, m.engine());
    assertEquals("/models/opus-mt-en-es", m.marianModelDir());
    assertEquals("cuda:0", m.marianDevice());
    assertEquals(4, m.marianBeamSize());
    assertEquals(
        new TranslatorFactory.Marian("/models/opus-mt-en-es", "cuda:0", 4),
        TranslatorFactory.of(m));
    assertEquals("apertium", TranslatorFactory.of(d).id());
  }

  @Test
  void partialsAreNotTranslatedUnlessAsked() {
    TranslationSettings d = TranslationSettings.defaults();
    assertFalse(d.translatePartials());
    assertTrue(d.withOptions(Map.of("translation.partials", "true")).translatePartials());
    assertMessage(
        "needs true or false", () -> d.withOptions(Map.of("translation.partials", "sometimes")));
  }

  @Test
  void badOptionsAreNamed() {
    TranslationSettings d = TranslationSettings.defaults();
    assertMessage(
        "unknown translation option 'translation.speed'",
        () -> d.withOptions(Map.of("translation.speed", "1")));
    assertMessage(
        "translation.capacity needs a number",
        () -> d.withOptions(Map.of("translation.capacity", "lots")));
    assertMessage(
        "translation.capacity must be 1..10000",
        () -> d.withOptions(Map.of("translation.capacity", "0")));
    assertMessage(
        "'es_ES!' is not a BCP-47",
        () -> d.withOptions(Map.of("translation.default-targets", "es_ES!")));
    assertMessage(
        "translation.engine must be apertium or marian, got 'nllb'",
        () -> d.withOptions(Map.of("translation.engine", "nllb")));
    assertMessage(
        "translation.engine=marian needs translation.marian.model-dir",
        () -> d.withOptions(Map.of("translation.engine", "marian")));
    assertMessage(
        "translation.marian.device: Unknown execution device 'tpu'",
        () -> d.withOptions(Map.of("translation.marian.device", "tpu")));
    assertMessage(
        "translation.marian.beam-size must be 1..16, got 0",
        () -> d.withOptions(Map.of("translation.marian.beam-size", "0")));
    assertMessage("needs true or false", () -> d.withOptions(Map.of("translation.enabled", "yes")));
  }

  private static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
