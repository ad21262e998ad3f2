package io.livesubs.inference.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocatorTest {
  @TempDir Path tmp;
  private Path repo;

  @BeforeEach
  void layout() throws IOException {
    repo = Files.createDirectories(tmp.resolve("work/main"));
    Files.createDirectories(repo.resolve("app"));
    Files.createDirectories(repo.resolve("inference-udf/target/models"));
  }

  private static Path fakeVosk(Path root) throws IOException {
    Path dir = root.resolve(ModelLocator.VOSK_EN_US);
    Files.createDirectories(dir.resolve("am"));
    Files.writeString(dir.resolve("am/final.mdl"), "x");
    return dir;
  }

  private static Path fakeSilero(Path root) throws IOException {
    Path file = root.resolve(ModelLocator.SILERO_DIR).resolve(ModelLocator.SILERO_V5);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    return file;
  }

  @Test
  void findsBuildOutputFromRepoRootModuleDirAndSiblingModule() throws IOException {
    Path expected = fakeVosk(repo.resolve("inference-udf/target/models"));
    for (Path cwd : new Path[] {repo, repo.resolve("inference-udf"), repo.resolve("app")}) {
      ModelLocator locator = new ModelLocator(null, null, null, cwd);
      assertEquals(expected, locator.voskModel(null), "from " + cwd);
    }
  }

  @Test
  void propertyBeatsEnvironmentBeatsBuildOutput() throws IOException {
    Path prop = Files.createDirectories(tmp.resolve("prop"));
    Path env = Files.createDirectories(tmp.resolve("env"));
    fakeVosk(repo.resolve("inference-udf/target/models"));
    Path inEnv = fakeVosk(env);
    ModelLocator locator = new ModelLocator(prop.toString(), env.toString(), null, repo);
    assertEquals(inEnv, locator.voskModel(null), "property dir lacks the model, env has it");
    Path inProp = fakeVosk(prop);
    assertEquals(inProp, locator.voskModel(null));
  }

  @Test
  void explicitPathWinsAndIsNeverReplacedByAFallback() throws IOException {
    fakeVosk(repo.resolve("inference-udf/target/models"));
    Path custom = fakeVosk(tmp.resolve("custom"));
    ModelLocator locator = new ModelLocator(null, null, null, repo);
    assertEquals(custom, locator.voskModel(custom));
    ModelNotFoundException e =
        assertThrows(ModelNotFoundException.class, () -> locator.voskModel(tmp.resolve("typo")));
    assertEquals(1, e.searched().size());
    assertTrue(e.getMessage().contains("typo"), e.getMessage());
  }

  @Test
  void sileroFallsBackToSharedNextToRepositoryAndToSharedProperty() throws IOException {
    Path nextToRepo = fakeSilero(tmp.resolve("work/shared/models"));
    assertEquals(
        nextToRepo, new ModelLocator(null, null, null, repo.resolve("app")).sileroVad(null));

    Path viaProperty = fakeSilero(tmp.resolve("elsewhere/models"));
    ModelLocator withProp = new ModelLocator(null, null, tmp.resolve("elsewhere").toString(), repo);
    assertEquals(viaProperty, withProp.sileroVad(null));

    Path built = fakeSilero(repo.resolve("inference-udf/target/models"));
    assertEquals(built, withProp.sileroVad(null), "build output comes before ../shared");
  }

  @Test
  void missingModelListsEveryPlaceSearchedInOrder() {
    ModelLocator locator = new ModelLocator(tmp.resolve("p").toString(), null, null, repo);
    ModelNotFoundException e =
        assertThrows(ModelNotFoundException.class, () -> locator.sileroVad(null));
    assertEquals(tmp.resolve("p/silero-vad/silero_vad_v5.onnx"), e.searched().get(0));
    assertTrue(
        e.searched()
            .contains(repo.resolve("inference-udf/target/models/silero-vad/silero_vad_v5.onnx")));
    assertTrue(
        e.searched().contains(tmp.resolve("work/shared/models/silero-vad/silero_vad_v5.onnx")));
    for (Path p : e.searched()) {
      assertTrue(e.getMessage().contains(p.toString()), "message lists " + p);
    }
    assertTrue(e.getMessage().contains(ModelLocator.MODELS_DIR_ENV), e.getMessage());
  }

  @Test
  void directoryWithoutAcousticModelIsNotAVoskModel() throws IOException {
    Files.createDirectories(repo.resolve("inference-udf/target/models/vosk-model-en-us/conf"));
    ModelLocator locator = new ModelLocator(null, null, null, repo);
    assertThrows(ModelNotFoundException.class, () -> locator.voskModel(null));
  }

  /** The module build provisions both models into target/models (no manual steps). */
  @Test
  void buildProvisionedTheModels() {
    ModelLocator locator = ModelLocator.fromEnvironment();
    Path vosk = locator.voskModel(null);
    assertTrue(Files.isRegularFile(vosk.resolve("conf/model.conf")), vosk.toString());
    assertTrue(Files.isRegularFile(vosk.resolve("graph/HCLr.fst")), vosk.toString());
    assertTrue(Files.isRegularFile(locator.sileroVad(null)));
  }
}
