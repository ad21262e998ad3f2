package io.livesubs.jobs.testing;

import io.livesubs.jobs.ordering.OrderedAudio;
import io.livesubs.jobs.ordering.OrderedAudio.Kind;
import io.livesubs.jobs.source.PcmChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What ordering must produce for a stream, worked out from the chunks the producer sent and the
 * seqs that never arrived: each chunk in seq order, one GAP per run of missing chunks covering
 * exactly their audio, and END after the end-of-stream chunk.
 */
public final class ExpectedOrder {

  /**
   * The comparable content of one output element.
   *
   * @param kind element kind
   * @param seq seq
   * @param offset media offset in samples
   * @param count length in samples
   * @param missing missing chunks (GAP)
   * @param captureTimeMs capture time at the offset
   * @param samples the samples, as a list for value equality
   */
  public record Element(
      Kind kind,
      long seq,
      long offset,
      long count,
      long missing,
      long captureTimeMs,
      List<Short> samples) {}

  private ExpectedOrder() {}

  /** The expected elements for {@code sent} (one stream, seq 0..n-1) minus {@code missing}. */
  public static List<Element> of(List<PcmChunk> sent, Set<Long> missing) {
    List<PcmChunk> bySeq = new ArrayList<>(sent);
    bySeq.sort((a, b) -> Long.compare(a.seq(), b.seq()));
    List<Element> out = new ArrayList<>();
    int i = 0;
    while (i < bySeq.size()) {
      PcmChunk chunk = bySeq.get(i);
      if (missing.contains(chunk.seq())) {
        int j = i;
        long samples = 0;
        while (j < bySeq.size() && missing.contains(bySeq.get(j).seq())) {
          samples += bySeq.get(j).sampleCount();
          j++;
        }
        out.add(
            new Element(
                Kind.GAP,
                chunk.seq(),
                chunk.mediaOffsetSamples(),
                samples,
                j - i,
                chunk.captureTimeMs(),
                List.of()));
        i = j;
        continue;
      }
      if (!chunk.endOfStream() || chunk.sampleCount() > 0) {
        out.add(
            new Element(
                Kind.DATA,
                chunk.seq(),
                chunk.mediaOffsetSamples(),
                chunk.sampleCount(),
                0,
                chunk.captureTimeMs(),
                boxed(chunk.samples())));
      }
      if (chunk.endOfStream()) {
        out.add(
            new Element(
                Kind.END,
                chunk.seq(),
                chunk.mediaOffsetSamples() + chunk.sampleCount(),
                0,
                0,
                chunk.captureTimeMs() + chunk.sampleCount() * 1000L / chunk.sampleRate(),
                List.of()));
      }
      i++;
    }
    return out;
  }

  /** The comparable content of actual output elements of {@code streamId}. */
  public static List<Element> actual(List<OrderedAudio> output, String streamId) {
    return output.stream()
        .filter(a -> a.streamId().equals(streamId))
        .map(
            a ->
                new Element(
                    a.kind(),
                    a.seq(),
                    a.mediaOffsetSamples(),
                    a.sampleCount(),
                    a.missingChunks(),
                    a.captureTimeMs(),
                    boxed(a.samples())))
        .toList();
  }

  private static List<Short> boxed(short[] samples) {
    Short[] boxed = new Short[samples.length];
    Arrays.setAll(boxed, k -> samples[k]);
    return List.of(boxed);
  }
}
