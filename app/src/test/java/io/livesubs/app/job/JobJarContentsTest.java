package io.livesubs.app.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shaded job jar built by {@code flink-jobs} ({@code livesubs-flink-jobs-<version>-job.jar})
 * holds what a Flink distribution lacks and nothing that it has or that must live in its {@code
 * lib/}, and names its entry point. Skipped when the jar has not been built.
 */
class JobJarContentsTest {

  private static JarFile jar() throws IOException {
    Optional<Path> path = JobJars.inDirectory(Path.of("..", "flink-jobs", "target"));
    Assumptions.assumeTrue(
        path.isPresent(), "no job jar in flink-jobs/target (mvn -pl flink-jobs package); skipping");
    return new JarFile(path.get().toFile());
  }

  @Test
  void holdsTheJobAndWhatFlinkLacks() throws IOException {
    try (JarFile jar = jar()) {
      for (String entry :
          List.of(
              "io/livesubs/jobs/LivesubsJob.class",
              "io/livesubs/schemas/SubtitleCue.class",
              "io/livesubs/inference/vad/SileroVad.class",
              "org/apache/flink/connector/kafka/source/KafkaSource.class",
              "org/apache/flink/connector/base/DeliveryGuarantee.class",
              "org/apache/kafka/clients/consumer/KafkaConsumer.class",
              "org/apache/avro/Schema.class",
              "com/fasterxml/jackson/databind/ObjectMapper.class",
              "picocli/CommandLine.class")) {
        assertNotNull(jar.getEntry(entry), entry + " missing from " + jar.getName());
      }
    }
  }

  @Test
  void leavesOutFlinkAndTheNativeRuntimes() throws IOException {
    try (JarFile jar = jar()) {
      for (String entry :
          List.of(
              "org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class",
              "org/apache/flink/api/common/functions/RichFunction.class",
              "org/apache/flink/runtime/state/StateBackend.class",
              "org/slf4j/Logger.class",
              "ai/onnxruntime/OrtEnvironment.class",
              "org/vosk/Model.class",
              "com/sun/jna/Native.class")) {
        assertNull(jar.getEntry(entry), entry + " must not be in " + jar.getName());
      }
    }
  }

  @Test
  void namesItsEntryPoint() throws IOException {
    try (JarFile jar = jar()) {
      String main = jar.getManifest().getMainAttributes().getValue("Main-Class");
      assertEquals("io.livesubs.jobs.LivesubsJobMain", main);
      assertNotNull(jar.getEntry(main.replace('.', '/') + ".class"), main + " missing from jar");
    }
  }
}
