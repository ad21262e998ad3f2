package io.livesubs.sink.format;

import java.util.List;

/**
 * Writes SubRip ({@code .srt}) documents. Cues are numbered 1, 2, 3, … in the order given (SubRip
 * requires consecutive numbers, so the cue ids are not used); blank lines are dropped and cues
 * without text left out. Text is written as is: SubRip has no escaping. Stateless and thread-safe.
 */
public final class SrtWriter {

  private SrtWriter() {}

  /** Writes a SubRip document holding {@code cues}. */
  public static String document(List<Cue> cues) {
    StringBuilder out = new StringBuilder();
    int number = 0;
    for (Cue cue : cues) {
      List<String> lines = cue.displayLines();
      if (lines.isEmpty()) {
        continue;
      }
      number++;
      out.append(number)
          .append('\n')
          .append(Timestamps.srt(cue.startMs()))
          .append(" --> ")
          .append(Timestamps.srt(cue.endMs()))
          .append('\n');
      lines.forEach(line -> out.append(line).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }
}
