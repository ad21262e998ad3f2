package io.livesubs.inference.mt.marian.tokenizer;

import io.livesubs.inference.testsupport.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Texts the tokenizer is checked on: crafted edge cases, real sentences, random Unicode. */
final class TokenizerTexts {
  private TokenizerTexts() {}

  /** Whitespace, normalisation and unknown-character edge cases. */
  static final List<String> CRAFTED =
      List.of(
          "",
          " ",
          "\t\n \u3000",
          "Hello world, I'm here!",
          "  leading, trailing  and   repeated   spaces  ",
          "tabs\tand\nnew\r\nlines",
          "Ｆｕｌｌ ｗｉｄｔｈ ＡＢＣ １２３",
          "ligatures ﬁ ﬂ ﬀ, circled ① ②, roman Ⅻ, units ㎏ ㎞, fractions ½ ¼",
          "e\u0301 a\u0308 combining vs é ä precomposed",
          "zero\u200bwidth\u200c joiners\u200d and\u00a0no-break\u202fspaces\u2009thin",
          "control\u0001chars\u007f and \u0085 next line \u2028 line sep",
          "emoji 😀👍🏽 🚫 🦈 and symbols ☃ ♫ € £ ¥ ©",
          "日本語のテキスト と 中文 和 한국어",
          "العربية עברית हिन्दी ไทย ქართული",
          "quotes “double” ‘single’ «guillemets» „low“ — dashes – and … ellipsis",
          "numbers 3.14159, 1,000,000 and 42nd; dates 2024-05-01; times 12:30",
          "URLs https://example.com/a?b=c&d=e and mail someone@example.org",
          "<s> </s> <unk> <pad> are plain text here",
          "ALL CAPS SHOUTING AND MiXeD cAsE",
          "x",
          "▁ already has the meta symbol ▁▁ twice",
          "a\uFFFDb replacement character",
          "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝐛𝐨𝐥𝐝 math letters and 𝄞 music");

  /** Every text column of the Tatoeba samples (English, German, French, Spanish, Chinese). */
  static List<String> tatoeba() {
    List<String> out = new ArrayList<>();
    for (String pair : List.of("eng-deu", "eng-fra", "eng-spa", "eng-zho")) {
      Path file = TestData.evalFile("mt/tatoeba_test_v2021-08-07/" + pair + ".sample1000.tsv");
      try {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
          String[] cols = line.split("\t", -1);
          for (int c = 1; c < cols.length; c++) {
            out.add(cols[c]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** {@code n} strings of random code points from across Unicode (no surrogates), seeded. */
  static List<String> randomUnicode(int n, long seed) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      int length = 1 + random.nextInt(24);
      for (int j = 0; j < length; j++) {
        int cp;
        do {
          // Mostly the ranges real text uses, sometimes anything up to U+1FFFF.
          cp = random.nextInt(4) == 0 ? random.nextInt(0x20000) : random.nextInt(0x3000);
        } while (cp >= 0xd800 && cp <= 0xdfff);
        sb.appendCodePoint(random.nextInt(6) == 0 ? ' ' : cp);
      }
      out.add(sb.toString());
    }
    return out;
  }
}
