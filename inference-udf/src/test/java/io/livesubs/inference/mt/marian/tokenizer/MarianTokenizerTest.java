package io.livesubs.inference.mt.marian.tokenizer;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.mt.marian.MarianTestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Marian tokenizer on the real opus-mt-en-mg files, without the Python reference. */
class MarianTokenizerTest {
  /** Text that normalisation leaves alone: ASCII letters, digits, punctuation, single spaces. */
  private static final Pattern CLEAN = Pattern.compile("[!-~]+( [!-~]+)*");

  private static MarianTokenizer tokenizer;

  @TempDir Path tmp;

  @BeforeAll
  static void load() {
    tokenizer = MarianTokenizer.load(MarianTestFiles.tokenizerDir());
  }

  @Test
  void idsComeFromVocabJson() {
    // Values read off vocab.json of opus-mt-en-mg.
    assertEquals(0, tokenizer.eosId());
    assertEquals(1, tokenizer.unkId());
    assertEquals(54687, tokenizer.padId());
    assertEquals(54688, tokenizer.vocabulary().size());
    assertEquals(
        List.of("▁Hello", "▁world", ",", "▁I", "'", "m", "▁here", "!"),
        tokenizer.sourcePieces("Hello world, I'm here!"));
    assertArrayEquals(
        new int[] {34291, 245, 3, 47, 2, 116, 790, 95, 0},
        tokenizer.encode("Hello world, I'm here!"));
    assertArrayEquals(new int[] {0}, tokenizer.encode(" \t "));
  }

  @Test
  void piecesOutsideTheVocabularyBecomeUnknown() {
    // 𝄞 is no piece of source.spm; 잠 is one, but vocab.json lacks it.
    assertEquals(List.of("▁", "𝄞"), tokenizer.sourcePieces("𝄞"));
    assertArrayEquals(
        new int[] {tokenizer.vocabulary().require("▁"), 1, 0}, tokenizer.encode("𝄞"));
    assertTrue(tokenizer.vocabulary().find("잠").isEmpty());
    assertTrue(tokenizer.sourceProcessor().model().pieces().contains("잠"));
    int[] ids = tokenizer.encode("잠");
    assertEquals(tokenizer.unkId(), ids[ids.length - 2]);
  }

  @Test
  void decodeOfEncodeGivesCleanTextBack() {
    List<String> sentences = TokenizerTexts.tatoeba();
    int clean = 0;
    for (String s : sentences) {
      String normalized = tokenizer.sourceProcessor().normalize(s).replace('\u2581', ' ').strip();
      for (int[] ids : List.of(tokenizer.encode(s), tokenizer.encodeTarget(s))) {
        if (Arrays.stream(ids).noneMatch(id -> id == tokenizer.unkId())) {
          assertEquals(normalized, tokenizer.decode(ids), s);
        }
        if (CLEAN.matcher(s).matches()) {
          assertEquals(s, tokenizer.decode(ids));
          clean++;
        }
      }
    }
    assertTrue(clean > 2000, "clean sentence encodings: " + clean);
  }

  @Test
  void everyTargetPieceOfTheVocabularyRoundTrips() {
    SentencePieceProcessor target = tokenizer.targetProcessor();
    int checked = 0;
    for (String piece : target.model().pieces()) {
      OptionalInt id = tokenizer.vocabulary().find(piece);
      if (id.isEmpty() || target.model().type(target.pieceToId(piece)) != PieceType.NORMAL) {
        continue;
      }
      // ids -> text -> ids -> text: the second decoding gives the same text.
      String text = tokenizer.decode(new int[] {id.getAsInt()});
      assertFalse(text.isEmpty() && !piece.equals("\u2581"), piece);
      assertEquals(text, tokenizer.decode(tokenizer.encodeTarget(text)), piece);
      checked++;
    }
    assertTrue(checked > 31_000, "pieces checked: " + checked);
  }

  @Test
  void missingOrBrokenFilesAreNamed() throws IOException {
    Path dir = MarianTestFiles.tokenizerDir();
    Files.copy(dir.resolve("source.spm"), tmp.resolve("source.spm"));
    Files.copy(dir.resolve("target.spm"), tmp.resolve("target.spm"));
    ModelLoadException missing =
        assertThrows(ModelLoadException.class, () -> MarianTokenizer.load(tmp));
    assertTrue(missing.getMessage().contains("vocab.json is missing"), missing.getMessage());

    Files.copy(dir.resolve("vocab.json"), tmp.resolve("vocab.json"));
    Files.write(tmp.resolve("target.spm"), new byte[] {0x0a, 0x7f, 0x01});
    ModelLoadException broken =
        assertThrows(ModelLoadException.class, () -> MarianTokenizer.load(tmp));
    assertTrue(
        broken.getMessage().contains("target.spm") && broken.getMessage().contains("malformed"),
        broken.getMessage());

    Files.copy(dir.resolve("target.spm"), tmp.resolve("target.spm"), REPLACE_EXISTING);
    Files.writeString(tmp.resolve("vocab.json"), "{\"</s>\": 0, \"<unk>\": 1}");
    ModelLoadException noPad =
        assertThrows(ModelLoadException.class, () -> MarianTokenizer.load(tmp));
    assertTrue(noPad.getMessage().contains("'<pad>'"), noPad.getMessage());
  }
}
