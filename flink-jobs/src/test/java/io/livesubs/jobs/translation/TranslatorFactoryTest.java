package io.livesubs.jobs.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.mt.Translator;
import io.livesubs.inference.onnx.ExecutionDevice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine selection and the Marian factory as an operator carries it to the task managers. */
class TranslatorFactoryTest {

  @TempDir Path tmp;

  @Test
  void marianFactoriesSurviveSerializationAndShareByModelDeviceAndBeam() throws Exception {
    TranslatorFactory factory =
        TranslatorFactory.marian("models/opus-mt-en-es", ExecutionDevice.CPU, 2);
    TranslatorFactory copy = roundTrip(factory);
    assertEquals(factory, copy);
    assertEquals(factory.id(), copy.id());
    assertTrue(factory.id().startsWith("marian:/"), factory.id());
    assertNotEquals(
        factory.id(),
        TranslatorFactory.marian("models/opus-mt-en-es", ExecutionDevice.CPU, 1).id());
    assertNotEquals(
        factory.id(),
        TranslatorFactory.marian("models/opus-mt-en-es", ExecutionDevice.cuda(0), 2).id());
  }

  @Test
  void aMissingModelFolderIsNamedWhenTheEngineStarts() {
    Path missing = tmp.resolve("opus-mt-en-xx");
    TranslatorFactory factory =
        TranslatorFactory.marian(missing.toString(), ExecutionDevice.CPU, 1);
    ModelLoadException e = assertThrows(ModelLoadException.class, factory::create);
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void theMarianFactoryOpensATranslatorThatTranslates() throws Exception {
    Path model = standIn();
    TranslationSettings settings =
        TranslationSettings.defaults()
            .withOptions(
                java.util.Map.of(
                    "translation.engine",
                    "marian",
                    "translation.marian.model-dir",
                    model.toString()));
    try (Translator translator = roundTrip(TranslatorFactory.of(settings)).create()) {
      assertTrue(translator.name().startsWith("marian:"), translator.name());
      assertTrue(translator.supports("en", "mg"));
      List<String> out = translator.translate("en", "mg", List.of("Hello.", "", "How are you?"));
      assertEquals(3, out.size());
      assertEquals("", out.get(1));
    }
  }

  /** The stand-in model the inference-udf tests generate; skips the test when it is absent. */
  private static Path standIn() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("inference-udf/target/standin/marian-small");
      if (Files.isRegularFile(candidate.resolve(".complete"))) {
        return candidate;
      }
    }
    assumeTrue(
        false,
        "Marian stand-in model not generated (the inference-udf tests write it to"
            + " inference-udf/target/standin/marian-small): test skipped");
    throw new AssertionError("unreachable");
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
