package io.livesubs.inference.asr.whisper.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livesubs.inference.asr.whisper.WhisperTestFiles;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperSpecialTokens;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmentParserTest {
  private static WhisperTokenizer tokenizer;
  private static WhisperSpecialTokens sp;
  private static SegmentParser parser;

  @BeforeAll
  static void load() throws IOException {
    tokenizer = WhisperTokenizer.multilingual(WhisperTestFiles.asset("multilingual.tiktoken"), 99);
    sp = tokenizer.specials();
    parser = new SegmentParser(tokenizer);
  }

  /** Concatenates single tokens and token runs. */
  private static int[] seq(Object... parts) {
    List<Integer> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Integer i) {
        out.add(i);
      } else {
        for (int t : tokenizer.encode((String) p)) {
          out.add(t);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static SegmentParser.Parsed parse(int[] tokens, double audioSeconds) {
    float[] logprobs = new float[tokens.length];
    return parser.parse(tokens, logprobs, tokens.length, audioSeconds);
  }

  private static int ts(double s) {
    return sp.timestampToken(s);
  }

  @Test
  void segmentsTakeTheirTimesFromTimestampPairs() {
    int[] tokens = seq(ts(0), " Hello world.", ts(1.2), ts(1.2), " How are you?", ts(2.5));
    SegmentParser.Parsed parsed = parse(tokens, 3.0);
    assertEquals(2, parsed.segments().size());
    DecodedSegment first = parsed.segments().get(0);
    assertEquals("Hello world.", first.text());
    assertEquals(0.0, first.startSeconds(), 1e-9);
    assertEquals(1.2, first.endSeconds(), 1e-9);
    assertEquals(" Hello world.", tokenizer.decode(ints(first.tokens())));
    DecodedSegment second = parsed.segments().get(1);
    assertEquals("How are you?", second.text());
    assertEquals(1.2, second.startSeconds(), 1e-9);
    assertEquals(2.5, second.endSeconds(), 1e-9);
  }

  @Test
  void wordsShareTheSegmentByCharactersAndKeepPunctuation() {
    // "Hi" (2) "there," (6) "friend." (7): 15 characters over 0.5 .. 2.0 s.
    SegmentParser.Parsed parsed = parse(seq(ts(0.5), " Hi there, friend.", ts(2.0)), 5);
    List<DecodedWord> words = parsed.words();
    assertEquals(
        List.of("Hi", "there,", "friend."), words.stream().map(DecodedWord::text).toList());
    double perChar = 1.5 / 15;
    assertEquals(0.5, words.get(0).startSeconds(), 1e-9);
    assertEquals(0.5 + 2 * perChar, words.get(0).endSeconds(), 1e-9);
    assertEquals(0.5 + 2 * perChar, words.get(1).startSeconds(), 1e-9);
    assertEquals(0.5 + 8 * perChar, words.get(1).endSeconds(), 1e-9);
    assertEquals(2.0, words.get(2).endSeconds(), 1e-9);
  }

  @Test
  void whitespaceInsideATokenRunSplitsIntoWords() {
    // "line\nnext" has no token starting with a space after "line": one run, two words.
    SegmentParser.Parsed parsed = parse(seq(ts(0.0), " line\nnext", ts(1.0)), 2);
    assertEquals(List.of("line", "next"), parsed.words().stream().map(DecodedWord::text).toList());
    assertEquals(0.5, parsed.words().get(1).startSeconds(), 1e-9);
  }

  @Test
  void wordProbabilityIsTheGeometricMeanOfItsTokens() {
    int[] tokens = seq(ts(0), " Hi", " there", ts(1));
    float[] logprobs = new float[tokens.length];
    logprobs[1] = (float) Math.log(0.5);
    logprobs[2] = (float) Math.log(0.8);
    List<DecodedWord> words = parser.parse(tokens, logprobs, tokens.length, 2).words();
    assertEquals(0.5f, words.get(0).probability(), 1e-6);
    assertEquals(0.8f, words.get(1).probability(), 1e-6);
  }

  @Test
  void anOpenLastSegmentEndsWithTheAudioAndTimesAreClampedToIt() {
    SegmentParser.Parsed parsed = parse(seq(ts(0.4), " one", ts(1.0), ts(1.0), " two three"), 1.6);
    assertEquals(1.6, parsed.segments().get(1).endSeconds(), 1e-9);
    SegmentParser.Parsed beyond = parse(seq(ts(2.0), " late", ts(9.0)), 3.0);
    assertEquals(2.0, beyond.segments().get(0).startSeconds(), 1e-9);
    assertEquals(3.0, beyond.segments().get(0).endSeconds(), 1e-9);
  }

  @Test
  void segmentsStartingInThePaddingAreLeftOut() {
    int[] tokens = seq(ts(0.2), " real", ts(1.0), ts(1.5), " padding", ts(2.0), ts(2.2), " more");
    SegmentParser.Parsed parsed = parse(tokens, 1.5);
    assertEquals(List.of("real"), parsed.segments().stream().map(DecodedSegment::text).toList());
    assertEquals(List.of("real"), parsed.words().stream().map(DecodedWord::text).toList());
  }

  @Test
  void textWithoutTimestampsIsOneSegmentOverTheAudio() {
    SegmentParser.Parsed parsed = parse(seq(" no timestamps here"), 2.2);
    assertEquals(1, parsed.segments().size());
    assertEquals(0.0, parsed.segments().get(0).startSeconds());
    assertEquals(2.2, parsed.segments().get(0).endSeconds(), 1e-9);
    assertEquals(3, parsed.words().size());
  }

  @Test
  void blankAndRepeatedSegmentsAreLeftOut() {
    int[] tokens =
        seq(
            ts(0),
            " Thank you.",
            ts(1),
            ts(1),
            " ",
            ts(2),
            ts(2),
            " Thank you.",
            ts(3),
            ts(3),
            " Bye.",
            ts(4));
    SegmentParser.Parsed parsed = parse(tokens, 5);
    assertEquals(
        List.of("Thank you.", "Bye."),
        parsed.segments().stream().map(DecodedSegment::text).toList());
    assertEquals(3, parsed.words().size());
  }

  @Test
  void aCharacterSplitAcrossTokensStaysWhole() {
    int[] split = tokenizer.encode(" 宇宙");
    int[] tokens = IntStream.concat(IntStream.of(ts(0)), IntStream.of(split)).toArray();
    SegmentParser.Parsed parsed = parse(tokens, 1);
    assertEquals("宇宙", parsed.segments().get(0).text());
    assertEquals(List.of("宇宙"), parsed.words().stream().map(DecodedWord::text).toList());
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
