package io.livesubs.inference.mt.marian.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.inference.mt.marian.MarianTestFiles;
import io.livesubs.inference.testsupport.ReferenceCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java tokenizer against Debian's {@code python3-sentencepiece} (the reference C++
 * implementation) on the real opus-mt-en-mg files: pieces and model ids of crafted edge cases,
 * every sentence of the Tatoeba samples and random Unicode, through both {@code source.spm} and
 * {@code target.spm}; and decoding of random id sequences as Hugging Face's {@code MarianTokenizer}
 * decodes them (special tokens skipped, pieces joined by {@code target.spm}).
 */
class SentencePieceReferenceTest {
  /** Runs sentencepiece on request.json and writes its answers to the second argument. */
  private static final String REFERENCE =
      """
      import json, sys
      import sentencepiece as spm
      req = json.load(open(sys.argv[1], encoding="utf-8"))
      vocab = json.load(open(req["vocab"], encoding="utf-8"))
      inverse = {i: p for p, i in vocab.items()}
      unk, eos = vocab["<unk>"], vocab["</s>"]
      specials = {unk, eos, vocab["<pad>"]}
      out = {}
      for side in ("source", "target"):
          sp = spm.SentencePieceProcessor(model_file=req[side])
          pieces = [sp.encode(t, out_type=str) for t in req["texts"]]
          out[side + "Pieces"] = pieces
          out[side + "Ids"] = [[vocab.get(p, unk) for p in ps] + [eos] for ps in pieces]
          out[side + "RoundTrip"] = [sp.decode_pieces(ps) for ps in pieces]
      target = spm.SentencePieceProcessor(model_file=req["target"])
      out["decoded"] = [
          target.decode_pieces([inverse[i] for i in ids if i not in specials])
          .replace("\\u2581", " ").strip()
          for ids in req["idSequences"]]
      json.dump(out, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  private static MarianTokenizer tokenizer;
  private static List<String> texts;
  private static int[][] idSequences;
  private static JsonNode reference;

  @BeforeAll
  static void runReference() throws IOException {
    Path dir = MarianTestFiles.tokenizerDir();
    String python = ReferenceCommands.python("sentencepiece");
    tokenizer = MarianTokenizer.load(dir);
    texts = new ArrayList<>(TokenizerTexts.CRAFTED);
    texts.addAll(TokenizerTexts.tatoeba());
    texts.addAll(TokenizerTexts.randomUnicode(500, 42));
    idSequences = randomIdSequences(500, tokenizer.vocabulary().size(), 7);

    Path request = tmp.resolve("request.json");
    Path answer = tmp.resolve("answer.json");
    Path script = tmp.resolve("reference.py");
    Files.writeString(script, REFERENCE);
    JSON.writeValue(
        request.toFile(),
        Map.of(
            "source", dir.resolve("source.spm").toString(),
            "target", dir.resolve("target.spm").toString(),
            "vocab", dir.resolve("vocab.json").toString(),
            "texts", texts,
            "idSequences", idSequences));
    ReferenceCommands.runChecked(
        List.of(python, script.toString(), request.toString(), answer.toString()), 300);
    reference = JSON.readTree(answer.toFile());
  }

  @Test
  void sourcePiecesAndIdsEqualSentencePiece() {
    assertTrue(texts.size() > 8000, "corpus size " + texts.size());
    int unknownRuns = 0;
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      List<String> pieces = tokenizer.sourcePieces(text);
      assertEquals(
          strings(reference.get("sourcePieces").get(i)), pieces, "text " + i + ": " + text);
      assertArrayEquals(ints(reference.get("sourceIds").get(i)), tokenizer.encode(text), text);
      unknownRuns +=
          (int) pieces.stream().filter(p -> !tokenizer.vocabulary().find(p).isPresent()).count();
    }
    // The corpus reaches the unknown-character path, not only known pieces.
    assertTrue(unknownRuns > 10, "unknown pieces: " + unknownRuns);
  }

  @Test
  void targetPiecesEqualSentencePiece() {
    SentencePieceProcessor target = tokenizer.targetProcessor();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      assertEquals(
          strings(reference.get("targetPieces").get(i)),
          target.encodeAsPieces(text),
          "text " + i + ": " + text);
    }
  }

  @Test
  void decodingPiecesEqualsSentencePiece() {
    for (String side : List.of("source", "target")) {
      SentencePieceProcessor sp =
          side.equals("source") ? tokenizer.sourceProcessor() : tokenizer.targetProcessor();
      for (int i = 0; i < texts.size(); i++) {
        List<String> pieces = strings(reference.get(side + "Pieces").get(i));
        assertEquals(
            reference.get(side + "RoundTrip").get(i).asText(),
            sp.decodePieces(pieces),
            side + " text " + i + ": " + texts.get(i));
      }
    }
  }

  @Test
  void decodingModelIdsEqualsMarianTokenizer() {
    for (int i = 0; i < idSequences.length; i++) {
      assertEquals(
          reference.get("decoded").get(i).asText(),
          tokenizer.decode(idSequences[i]),
          "ids " + Arrays.toString(idSequences[i]));
    }
  }

  /** Random model-id sequences, with the special ids mixed in. */
  private static int[][] randomIdSequences(int n, int vocabSize, long seed) {
    Random random = new Random(seed);
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = new int[1 + random.nextInt(30)];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = random.nextInt(10) == 0 ? random.nextInt(2) : random.nextInt(vocabSize);
      }
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }
}
