package io.livesubs.inference.mt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading source and reference columns from a TSV file with a header. */
class ParallelCorpusTest {

  @TempDir Path dir;

  private Path tsv(String content) throws Exception {
    Path file = dir.resolve("corpus.tsv");
    Files.writeString(file, content);
    return file;
  }

  @Test
  void readsTheNamedColumnsInFileOrder() throws Exception {
    Path file = tsv("\uFEFFid\teng\tspa\n1\tA cat.\tUn gato.\n\n2\tA dog.\tUn perro.\n3\tX\tY\n");
    ParallelCorpus all = ParallelCorpus.readTsv(file, "eng", "spa", 0);
    assertEquals(List.of("A cat.", "A dog.", "X"), all.sources());
    assertEquals(List.of("Un gato.", "Un perro.", "Y"), all.references());
    ParallelCorpus two = ParallelCorpus.readTsv(file, "spa", "id", 2);
    assertEquals(List.of("Un gato.", "Un perro."), two.sources());
    assertEquals(List.of("1", "2"), two.references());
  }

  @Test
  void missingColumnsAndShortRowsAreNamed() throws Exception {
    Path file = tsv("id\teng\tspa\n1\tA cat.\n");
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> ParallelCorpus.readTsv(file, "eng", "fra", 0));
    assertTrue(
        missing.getMessage().contains("no column 'fra' (columns: id, eng, spa)"),
        missing.getMessage());
    IllegalArgumentException shortRow =
        assertThrows(
            IllegalArgumentException.class, () -> ParallelCorpus.readTsv(file, "eng", "spa", 0));
    assertTrue(shortRow.getMessage().contains("line 2"), shortRow.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ParallelCorpus.readTsv(tsv(""), "eng", "spa", 0));
  }
}
