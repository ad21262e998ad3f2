package io.livesubs.inference.mt.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Source sentences and their reference translations, read from a tab-separated file whose first
 * line names the columns (as the Tatoeba test sets: {@code line_in_source eng spa}). Fields are
 * taken as they are (no quoting); blank lines are skipped. Immutable.
 *
 * @param sources the source sentences, in file order
 * @param references the reference translation of each source sentence
 */
public record ParallelCorpus(List<String> sources, List<String> references) {

  /** Copies the lists; they must be equally long. */
  public ParallelCorpus {
    sources = List.copyOf(sources);
    references = List.copyOf(references);
    if (sources.size() != references.size()) {
      throw new IllegalArgumentException(
          sources.size() + " sources but " + references.size() + " references");
    }
  }

  /** Number of sentence pairs. */
  public int size() {
    return sources.size();
  }

  /**
   * Reads the columns {@code sourceColumn} and {@code referenceColumn} of {@code file}.
   *
   * @param limit read at most this many rows (0 or less: all)
   * @throws IllegalArgumentException naming the file and line if a column is missing, a row is
   *     short of fields, or the file has no header
   * @throws IOException if the file cannot be read
   */
  public static ParallelCorpus readTsv(
      Path file, String sourceColumn, String referenceColumn, int limit) throws IOException {
    List<String> sources = new ArrayList<>();
    List<String> references = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || header.isBlank()) {
        throw new IllegalArgumentException(file + " is empty: a header row is expected");
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1); // a byte-order mark is not part of the first column's name
      }
      List<String> columns = Arrays.asList(header.split("\t", -1));
      int src = column(file, columns, sourceColumn);
      int ref = column(file, columns, referenceColumn);
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null && (limit <= 0 || sources.size() < limit)) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length <= Math.max(src, ref)) {
          throw new IllegalArgumentException(
              file
                  + " line "
                  + lineNo
                  + " has "
                  + fields.length
                  + " fields, the header "
                  + columns.size());
        }
        sources.add(fields[src]);
        references.add(fields[ref]);
      }
    }
    return new ParallelCorpus(sources, references);
  }

  private static int column(Path file, List<String> columns, String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          file + " has no column '" + name + "' (columns: " + String.join(", ", columns) + ")");
    }
    return index;
  }
}
