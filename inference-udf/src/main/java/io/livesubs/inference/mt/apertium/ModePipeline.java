package io.livesubs.inference.mt.apertium;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the shell pipeline of an Apertium mode ({@code prog 'arg' $1 | prog2 …}, as printed by
 * {@code apertium-wblank-mode -z}) into one argument list per stage, so that the stages run as
 * direct child processes of the JVM without a shell: each can then be watched and killed.
 *
 * <p>Supported: words, single and double quotes, backslash escapes, {@code |} between stages, and
 * the mode parameters {@code $1} (generator option) and {@code $2} (tagger option), which vanish
 * when empty, as unquoted shell expansions do. Anything else a shell would interpret (redirections,
 * {@code ;}, {@code &}, other expansions) is rejected rather than guessed at. Stateless.
 */
final class ModePipeline {

  private static final String UNSUPPORTED = "<>;&`(){}*?";

  private ModePipeline() {}

  /**
   * The stages of {@code pipeline}.
   *
   * @param generatorOption the value of {@code $1}
   * @param taggerOption the value of {@code $2} (may be empty)
   * @throws IllegalArgumentException naming the construct that is not supported
   */
  static List<List<String>> parse(String pipeline, String generatorOption, String taggerOption) {
    List<List<String>> stages = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = pipeline.length();
    while (i < n) {
      char c = pipeline.charAt(i);
      if (c == '\'' || c == '"') {
        int end = pipeline.indexOf(c, i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated quote in mode pipeline: " + pipeline);
        }
        String quoted = pipeline.substring(i + 1, end);
        if (c == '"' && (quoted.contains("$") || quoted.contains("`") || quoted.contains("\\"))) {
          throw new IllegalArgumentException("unsupported expansion in mode pipeline: " + quoted);
        }
        word.append(quoted);
        inWord = true;
        i = end + 1;
      } else if (c == '\\' && i + 1 < n) {
        word.append(pipeline.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (c == '$') {
        String value = parameter(pipeline, i, generatorOption, taggerOption);
        word.append(value);
        inWord |= !value.isEmpty();
        i += 2;
      } else if (Character.isWhitespace(c) || c == '|') {
        if (inWord) {
          words.add(word.toString());
        }
        word.setLength(0);
        inWord = false;
        if (c == '|') {
          stages.add(requireCommand(words, pipeline));
          words = new ArrayList<>();
        }
        i++;
      } else if (UNSUPPORTED.indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            "unsupported shell syntax '" + c + "' in mode pipeline: " + pipeline);
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    stages.add(requireCommand(words, pipeline));
    return List.copyOf(stages);
  }

  private static String parameter(String pipeline, int at, String generator, String tagger) {
    char digit = at + 1 < pipeline.length() ? pipeline.charAt(at + 1) : ' ';
    if (digit == '1') {
      return generator;
    }
    if (digit == '2') {
      return tagger;
    }
    throw new IllegalArgumentException(
        "unsupported expansion at '" + pipeline.substring(at) + "' in mode pipeline");
  }

  private static List<String> requireCommand(List<String> words, String pipeline) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("empty stage in mode pipeline: " + pipeline);
    }
    return List.copyOf(words);
  }
}
