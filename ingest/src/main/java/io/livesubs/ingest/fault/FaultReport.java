package io.livesubs.ingest.fault;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Exactly which faults a {@link FaultInjector} applied to one stream: the seqs of the chunks it
 * dropped, duplicated, replaced with corrupt bytes, and reordered (emitted after a chunk with a
 * higher seq). Immutable; lists are sorted ascending.
 *
 * @param streamId the stream
 * @param chunksIn chunks offered to the injector
 * @param recordsOut records emitted (valid and corrupt, duplicates counted twice)
 * @param dropped seqs never sent
 * @param duplicated seqs sent twice
 * @param corrupted seqs replaced by corrupt bytes
 * @param reordered seqs emitted after a chunk with a higher seq
 */
public record FaultReport(
    String streamId,
    long chunksIn,
    long recordsOut,
    List<Long> dropped,
    List<Long> duplicated,
    List<Long> corrupted,
    List<Long> reordered) {

  /** Copies the lists. */
  public FaultReport {
    dropped = List.copyOf(dropped);
    duplicated = List.copyOf(duplicated);
    corrupted = List.copyOf(corrupted);
    reordered = List.copyOf(reordered);
  }

  /** Whether no fault was applied. */
  public boolean isClean() {
    return dropped.isEmpty() && duplicated.isEmpty() && corrupted.isEmpty() && reordered.isEmpty();
  }

  /** One line of counts, e.g. {@code "dropped 3, duplicated 1, corrupted 0, reordered 7"}. */
  public String counts() {
    return "dropped "
        + dropped.size()
        + ", duplicated "
        + duplicated.size()
        + ", corrupted "
        + corrupted.size()
        + ", reordered "
        + reordered.size();
  }

  /** Counts followed by the affected seqs, each list cut after {@code maxSeqs} entries. */
  public String describe(int maxSeqs) {
    StringBuilder sb = new StringBuilder(streamId).append(": ").append(counts());
    appendSeqs(sb, "dropped", dropped, maxSeqs);
    appendSeqs(sb, "duplicated", duplicated, maxSeqs);
    appendSeqs(sb, "corrupted", corrupted, maxSeqs);
    appendSeqs(sb, "reordered", reordered, maxSeqs);
    return sb.toString();
  }

  private static void appendSeqs(StringBuilder sb, String what, List<Long> seqs, int max) {
    if (seqs.isEmpty()) {
      return;
    }
    sb.append("; ").append(what).append(" seqs ");
    sb.append(seqs.stream().limit(max).map(String::valueOf).collect(Collectors.joining(",")));
    if (seqs.size() > max) {
      sb.append(",… (").append(seqs.size() - max).append(" more)");
    }
  }
}
