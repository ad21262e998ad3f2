package io.livesubs.inference.asr.whisper.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.whisper.WhisperTestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TiktokenRanksTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"multilingual.tiktoken", "gpt2.tiktoken"})
  void everyLineOfTheFileIsLookedUpToItsRank(String name) throws IOException {
    Path file = WhisperTestFiles.asset(name);
    TiktokenRanks ranks = TiktokenRanks.load(file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    lines.removeIf(String::isBlank);
    assertEquals(lines.size(), ranks.size());
    for (String line : lines) {
      String[] parts = line.split(" ");
      byte[] bytes = parts[0].equals("=") ? new byte[0] : Base64.getDecoder().decode(parts[0]);
      int rank = Integer.parseInt(parts[1]);
      assertEquals(rank, ranks.rank(bytes, 0, bytes.length), line);
      assertArrayEquals(bytes, ranks.bytes(rank), line);
    }
    byte[] absent = "definitely not one token".getBytes(StandardCharsets.UTF_8);
    assertEquals(-1, ranks.rank(absent, 0, absent.length));
  }

  @Test
  void sizesOfOpenAisFiles() throws IOException {
    // The special tokens start right after the ranks: 50257 (multilingual), 50256 (GPT-2).
    assertEquals(50257, TiktokenRanks.load(WhisperTestFiles.asset("multilingual.tiktoken")).size());
    assertEquals(50256, TiktokenRanks.load(WhisperTestFiles.asset("gpt2.tiktoken")).size());
  }

  @Test
  void rejectsMalformedFiles() throws IOException {
    assertRejected("YQ== 0\nYg== 0\n", "appears twice");
    assertRejected("YQ== 0\nYg== 2\n", "missing");
    assertRejected("YQ== 0\nYQ== 1\n", "repeats");
    assertRejected("YQ== 0\n!!! 1\n", ":2:");
    assertRejected("YQ==\n", ":1:");
  }

  private void assertRejected(String content, String expectedInMessage) throws IOException {
    Path file = Files.writeString(tmp.resolve("bad.tiktoken"), content);
    IOException e = assertThrows(IOException.class, () -> TiktokenRanks.load(file));
    assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
  }
}
