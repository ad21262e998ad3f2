package io.livesubs.ingest.fault;

import io.livesubs.schemas.AudioChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Applies the faults of a {@link FaultConfig} to one stream's chunks, deterministically: the same
 * config, stream id and chunks give the same emissions and the same {@link FaultReport}.
 *
 * <p>Per chunk, in this precedence: with {@code dropRate} it is never sent; else with {@code
 * corruptRate} corrupt bytes are sent in its place (random bytes whose first byte is never the
 * wire-format magic byte 0, keyed by the stream id); else with {@code duplicateRate} it is sent
 * twice in a row. All random draws are made for every chunk, so changing one rate does not change
 * which chunks the other faults hit. With {@code reorderMs}, the window is {@code W = reorderMs /
 * chunkMs} chunks: each chunk gets a random deadline in {@code [seq, seq + W)} and chunks go out in
 * deadline order, so none is emitted after a chunk more than {@code W - 1} seqs ahead of it, and
 * none is held longer than {@code W - 1} further chunks. The end-of-stream chunk is never faulted
 * and goes out last, after everything held, so consumers can still close the stream. Not
 * thread-safe.
 */
public final class FaultInjector {

  private static final Comparator<Held> BY_DEADLINE =
      Comparator.comparingDouble(Held::deadline).thenComparingLong(Held::seq);

  private final FaultConfig config;
  private final String streamId;
  private final int windowChunks;
  private final SplittableRandom decisions;
  private final SplittableRandom garbage;
  private final PriorityQueue<Held> held = new PriorityQueue<>(BY_DEADLINE);
  private final SeqList dropped = new SeqList();
  private final SeqList duplicated = new SeqList();
  private final SeqList corrupted = new SeqList();
  private final SeqList reordered = new SeqList();
  private long chunksIn;
  private long recordsOut;
  private long maxSeqEmitted = -1;

  /**
   * @param config the faults
   * @param chunkMs the audio duration of a full chunk, to turn {@code reorderMs} into chunks
   * @param streamId the stream (key of corrupt records; mixed into the seed so streams differ)
   */
  public FaultInjector(FaultConfig config, int chunkMs, String streamId) {
    if (chunkMs <= 0) {
      throw new IllegalArgumentException("chunkMs must be positive, was " + chunkMs);
    }
    this.config = config;
    this.streamId = streamId;
    this.windowChunks = config.reorderMs() / chunkMs;
    long seed = config.seed() * 0x9E37_79B9_7F4A_7C15L + streamId.hashCode();
    this.decisions = new SplittableRandom(seed);
    this.garbage = new SplittableRandom(~seed);
  }

  /** The reorder window in chunks; 0 or 1 means chunks keep their order. */
  public int windowChunks() {
    return windowChunks;
  }

  /** Offers the next chunk of the stream (in seq order) and returns what to send now. */
  public List<Emission> offer(AudioChunk chunk) {
    chunksIn++;
    long seq = chunk.getSeq();
    if (chunk.getEndOfStream()) {
      List<Emission> out = drain();
      emit(seq, List.of(new Emission.Valid(chunk)), out);
      return out;
    }
    boolean drop = decisions.nextDouble() < config.dropRate();
    boolean corrupt = decisions.nextDouble() < config.corruptRate();
    boolean duplicate = decisions.nextDouble() < config.duplicateRate();
    double jitter = decisions.nextDouble();
    List<Emission> unit;
    if (drop) {
      dropped.add(seq);
      unit = null;
    } else if (corrupt) {
      corrupted.add(seq);
      unit = List.of(new Emission.Corrupt(streamId, seq, corruptBytes()));
    } else if (duplicate) {
      duplicated.add(seq);
      Emission.Valid valid = new Emission.Valid(chunk);
      unit = List.of(valid, valid);
    } else {
      unit = List.of(new Emission.Valid(chunk));
    }
    List<Emission> out = new ArrayList<>(2);
    if (windowChunks <= 1) {
      if (unit != null) {
        emit(seq, unit, out);
      }
      return out;
    }
    if (unit != null) {
      held.add(new Held(seq + jitter * windowChunks, seq, unit));
    }
    // Every later chunk gets a deadline >= seq + 1, so anything due before that can go now.
    while (!held.isEmpty() && held.peek().deadline() < seq + 1) {
      Held h = held.poll();
      emit(h.seq(), h.records(), out);
    }
    return out;
  }

  /** Emits everything held for reordering, in deadline order (e.g. when closing early). */
  public List<Emission> drain() {
    List<Emission> out = new ArrayList<>();
    while (!held.isEmpty()) {
      Held h = held.poll();
      emit(h.seq(), h.records(), out);
    }
    return out;
  }

  /** What was done so far. */
  public FaultReport report() {
    return new FaultReport(
        streamId,
        chunksIn,
        recordsOut,
        dropped.sorted(),
        duplicated.sorted(),
        corrupted.sorted(),
        reordered.sorted());
  }

  private void emit(long seq, List<Emission> records, List<Emission> out) {
    if (seq < maxSeqEmitted) {
      reordered.add(seq);
    }
    maxSeqEmitted = Math.max(maxSeqEmitted, seq);
    out.addAll(records);
    recordsOut += records.size();
  }

  private byte[] corruptBytes() {
    byte[] bytes = new byte[5 + garbage.nextInt(60)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) garbage.nextInt(256);
    }
    bytes[0] = (byte) (1 + garbage.nextInt(255)); // never magic byte 0: surely not a record
    return bytes;
  }

  private record Held(double deadline, long seq, List<Emission> records) {}

  /** Growable list of primitive longs: reports can hold many seqs on long runs. */
  private static final class SeqList {
    private long[] values = new long[16];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    List<Long> sorted() {
      long[] copy = Arrays.copyOf(values, size);
      Arrays.sort(copy);
      return Arrays.stream(copy).boxed().toList();
    }
  }
}
