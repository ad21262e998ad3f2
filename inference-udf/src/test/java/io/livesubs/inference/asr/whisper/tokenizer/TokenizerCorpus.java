package io.livesubs.inference.asr.whisper.tokenizer;

import io.livesubs.inference.testsupport.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Texts for tokenizer tests: hand-picked edge cases plus, when the shared data directory is
 * present, every transcript and Tatoeba sentence in it (English, German, French, Spanish, Chinese).
 */
final class TokenizerCorpus {
  /** Edge cases of the pre-tokenizer and of UTF-8: contractions, digits, whitespace runs, emoji. */
  static final List<String> CRAFTED =
      List.of(
          "",
          " ",
          "Hello world",
          " Hello world",
          "I'm sure they'll say we'd've done it, isn't it? You're RIGHT'S",
          "Numbers: 1234567890 3.14159 -42 1,000,000 ٣٤٥ 五六七",
          "  leading, trailing and   inner spaces   ",
          "tabs\tand\nnewlines\r\n\n\nend\n",
          "El niño comió piñones en la cañada; ¿qué tal? ¡Olé! Àéîõü ÇÑ",
          "Größenwahn straße Übermaß",
          "我们今天去北京，你呢？这是一个测试。",
          "日本語のテキストとカタカナ、ひらがな",
          "한국어 문장입니다",
          "Русский текст с ёлкой",
          "عربي مع أرقام ١٢٣",
          "emoji 😀🎉👍🏽 👨‍👩‍👧‍👦 flags 🇪🇸🇫🇷 and ♪♫ music",
          "<|endoftext|> is just text here <|en|>",
          "symbols ()[]{}<>@#$%^&*_+=~`|\\/ «» „“ ‘’ — – …",
          "\u00a0non-breaking\u2003em space\u3000ideographic",
          "runs of Unicode spaces\u00a0\u00a0! and\u3000\u3000。 end\u2003\u2003",
          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "ﬁ ligature, combining e\u0301 and precomposed é",
          "https://example.com/path?q=1&x=y#frag user@example.org");

  private TokenizerCorpus() {}

  /** Crafted texts plus shared-data texts when available. */
  static List<String> texts() {
    List<String> texts = new ArrayList<>(CRAFTED);
    Path eval = TestData.sharedDir().resolve("eval");
    if (!Files.isDirectory(eval)) {
      return texts;
    }
    try {
      Path speech = eval.resolve("speech.tsv");
      if (Files.isRegularFile(speech)) {
        for (String line : skipHeader(speech)) {
          String[] cols = line.split("\t", -1);
          if (cols.length > 3) {
            texts.add(cols[3]);
          }
        }
      }
      Path tatoeba = eval.resolve("mt").resolve("tatoeba_test_v2021-08-07");
      if (Files.isDirectory(tatoeba)) {
        try (Stream<Path> files = Files.list(tatoeba)) {
          for (Path tsv : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
            for (String line : skipHeader(tsv)) {
              String[] cols = line.split("\t", -1);
              texts.add(cols[1]);
              texts.add(cols[2]);
            }
          }
        }
      }
      Path longform = eval.resolve("longform");
      if (Files.isDirectory(longform)) {
        try (Stream<Path> files = Files.list(longform)) {
          for (Path txt : files.filter(p -> p.toString().endsWith(".ref.txt")).sorted().toList()) {
            texts.add(Files.readString(txt, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  private static List<String> skipHeader(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
  }
}
