package io.livesubs.inference.mt.apertium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing the shell pipeline of an Apertium mode. */
class ModePipelineTest {

  /** The shape {@code apertium-wblank-mode -z} prints for Debian's eng-spa (shortened). */
  private static final String MODE =
      "lt-proc -z '/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin' |"
          + " apertium-wblank-attach | apertium-tagger -z -g $2"
          + " '/usr/share/apertium/apertium-eng-spa/eng-spa.prob' |"
          + " lt-proc -z $1 \"/data dir/eng-spa.autogen.bin\" | lt-proc -z -p a\\ b\n";

  @Test
  void splitsStagesAndSubstitutesModeParameters() {
    List<List<String>> stages = ModePipeline.parse(MODE, "-n", "");
    assertEquals(5, stages.size());
    assertEquals(
        List.of("lt-proc", "-z", "/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin"),
        stages.get(0));
    assertEquals(List.of("apertium-wblank-attach"), stages.get(1));
    // An empty $2 vanishes like an unquoted empty shell expansion.
    assertEquals(
        List.of("apertium-tagger", "-z", "-g", "/usr/share/apertium/apertium-eng-spa/eng-spa.prob"),
        stages.get(2));
    assertEquals(List.of("lt-proc", "-z", "-n", "/data dir/eng-spa.autogen.bin"), stages.get(3));
    assertEquals(List.of("lt-proc", "-z", "-p", "a b"), stages.get(4));
  }

  @Test
  void nonEmptyTaggerOptionIsPassed() {
    List<List<String>> stages = ModePipeline.parse(MODE, "-g", "-m");
    assertEquals(List.of("apertium-tagger", "-z", "-g", "-m"), stages.get(2).subList(0, 4));
    assertEquals("-g", stages.get(3).get(2));
  }

  @Test
  void shellSyntaxBeyondAPipelineIsRejected() {
    for (String bad :
        List.of(
            "lt-proc x > out",
            "lt-proc x; rm y",
            "lt-proc $HOME",
            "lt-proc \"$1\"",
            "a | | b",
            "lt-proc 'unterminated")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ModePipeline.parse(bad, "-n", ""));
      assertTrue(e.getMessage().contains("mode pipeline"), e.getMessage());
    }
  }
}
