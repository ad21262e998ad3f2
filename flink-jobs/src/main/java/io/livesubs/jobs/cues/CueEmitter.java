package io.livesubs.jobs.cues;

import io.livesubs.jobs.captions.CueShaper;
import io.livesubs.jobs.captions.PartialCaptionFormatter;
import io.livesubs.jobs.captions.PhraseContext;
import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.captions.TimedWord;
import io.livesubs.jobs.speech.Recognition;
import io.livesubs.jobs.speech.RecognizedWord;
import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns each stream's recognitions into subtitle cues. Keyed by stream id; input from {@code
 * SpeechRecognizer}, output to the cue sink.
 *
 * <ul>
 *   <li>PARTIAL: a non-final revision of the open cue (a new cue number for the first partial of a
 *       phrase, the next revision after that), lines from {@link PartialCaptionFormatter}: the tail
 *       of the hypothesis that fits on screen. A PARTIAL with the same words as the one before (the
 *       engine recomputed its hypothesis on more audio) revises nothing; it only completes an
 *       agreement, or lets the newest word settle.
 *   <li>Commit ({@link CommitPolicy#AGREEMENT}, the default): when two consecutive PARTIALs agree
 *       on leading words that form complete cues ({@link PrefixCommitter}), those cues are emitted
 *       as FINAL at once: the first takes the open partial cue's number and its next revision (so
 *       it replaces that partial), the others new numbers; the words after the committed ones go on
 *       as a new partial cue with the next number. Cue numbers therefore follow media time.
 *       Committed cues never change, and no progress marker follows them (the segment's phrase is
 *       not over). With {@link CommitPolicy#SEGMENT} nothing is final before the segment ends.
 *   <li>FINAL: the phrase's words (those after the committed region, see {@link PrefixCommitter})
 *       shaped into final cues by {@link CueShaper}, starting at least one minimum gap after the
 *       previous final cue. The first takes the open partial's number and its next revision, so it
 *       replaces the partials; the others get new numbers. If the phrase has no words but partials
 *       were shown, a final revision without lines withdraws them (consumers show nothing for a cue
 *       without lines). A progress marker ({@link CueConventions#progress}) at the phrase's end
 *       follows, so playlists advance.
 *   <li>END_STREAM: the end-of-stream marker ({@link CueConventions#endOfStream}); the stream's
 *       state is cleared.
 * </ul>
 *
 * <p>Cue identity is (stream, language, cue seq, revision); every field but {@code emittedAtMs} is
 * a function of the input and the state, never of the wall clock, so a replay after a failure
 * reproduces the same cues. State: one {@link CueCursor} per stream, and a {@link SegmentCommit}
 * while a segment is open; both are checkpointed, so after a restore nothing committed is committed
 * again. Metrics: see {@link CueMetrics}. Flink calls an instance from one task thread.
 */
public final class CueEmitter extends KeyedProcessFunction<String, Recognition, SubtitleCue> {

  private static final long serialVersionUID = 1L;

  private final ShapingRules rules;
  private final CommitSettings commit;
  private transient CueShaper shaper;
  private transient PrefixCommitter committer;
  private transient ValueState<SegmentCommit> segment;
  private transient PartialCaptionFormatter formatter;
  private transient ValueState<CueCursor> cursor;
  private transient CueMetrics metrics;

  /**
   * An emitter shaping final cues by {@code rules}, committing by {@link CommitSettings#defaults}.
   */
  public CueEmitter(ShapingRules rules) {
    this(rules, CommitSettings.defaults());
  }

  /** An emitter shaping final cues by {@code rules} and committing them by {@code commit}. */
  public CueEmitter(ShapingRules rules, CommitSettings commit) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.commit = Objects.requireNonNull(commit, "commit");
  }

  @Override
  public void open(OpenContext openContext) {
    shaper = new CueShaper(rules);
    formatter = new PartialCaptionFormatter(rules);
    committer = new PrefixCommitter(shaper, commit);
    segment =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "segment-commit", TypeInformation.of(SegmentCommit.class)));
    cursor =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("cues", TypeInformation.of(CueCursor.class)));
    metrics = new CueMetrics(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(Recognition in, Context ctx, Collector<SubtitleCue> out)
      throws Exception {
    CueCursor cur = cursor.value();
    if (cur == null) {
      cur = CueCursor.initial();
    }
    long now = System.currentTimeMillis();
    switch (in.kind()) {
      case PARTIAL -> cursor.update(partial(in, cur, now, out));
      case FINAL -> cursor.update(finalCues(in, cur, now, out));
      case END_STREAM -> {
        if (cur.hasOpenCue()) { // not expected: the recogniser finishes phrases first
          withdraw(in, cur, now, out);
        }
        out.collect(
            CueConventions.endOfStream(
                in.streamId(),
                in.language(),
                in.segmentEndMs(),
                CueRecords.captureTimeMs(in, in.segmentEndMs()),
                now));
        // Nothing follows END_STREAM: the numbering and cue state are never needed again, and
        // state that is not cleared would ride along in every checkpoint forever.
        cursor.clear();
        segment.clear();
      }
    }
  }

  private CueCursor partial(Recognition in, CueCursor cur, long now, Collector<SubtitleCue> out)
      throws Exception {
    CueRecords.Words words = CueRecords.words(in);
    SegmentCommit seg = segment.value();
    if (seg == null || seg.segmentStartMs() != in.segmentStartMs()) {
      seg = SegmentCommit.fresh(in.segmentStartMs(), new RecognizedWord[0]);
    }
    boolean committed = false;
    CueRecords.Words shown = words.after(seg.region());
    if (commit.policy() == CommitPolicy.AGREEMENT) {
      List<TimedWord> previous = seg.region().after(CueRecords.timed(seg.lastWords()));
      List<ShapedCue> done =
          committer.commit(
              previous, shown.list(), in.segmentEndMs(), in.wordsAhead(), context(cur));
      if (!done.isEmpty()) {
        cur = emitFinals(in, cur, done, words, cur.nextCueSeq(), now, out);
        metrics.committedCues.inc(done.size());
        int count = done.stream().mapToInt(c -> c.words().size()).sum();
        seg = seg.committed(count, lastWord(done.get(done.size() - 1)));
        shown = words.after(seg.region());
        committed = true;
      }
    }
    boolean sameText = sameText(seg.lastWords(), in.words());
    segment.update(seg.seen(in.words()));
    if (sameText && !committed) {
      return cur; // the engine repeated the text on screen: nothing to revise
    }
    List<String> lines =
        seg.committedEndMs() == CueCursor.NONE
            ? formatter.format(in.text())
            : formatter.formatWords(shown.list());
    if (lines.isEmpty() && !cur.hasOpenCue()) {
      return cur; // nothing shown, nothing to revise
    }
    CueCursor next = cur.nextPartial();
    out.collect(CueRecords.partial(in, next.openCueSeq(), next.openRevision(), lines, shown, now));
    metrics.partial(now - CueRecords.captureTimeMs(in, in.segmentEndMs()));
    return next;
  }

  private CueCursor finalCues(Recognition in, CueCursor cur, long now, Collector<SubtitleCue> out)
      throws Exception {
    SegmentCommit seg = segment.value();
    CommittedRegion committed =
        seg != null && seg.segmentStartMs() == in.segmentStartMs()
            ? seg.region()
            : CommittedRegion.NONE;
    // The segment is over: what was committed is in the cursor's last final end, and keeping the
    // hypothesis would only make every checkpoint carry it.
    segment.clear();
    CueRecords.Words words = CueRecords.words(in).after(committed);
    List<ShapedCue> shaped = shaper.shape(words.list(), context(cur));
    if (shaped.isEmpty()) {
      if (cur.hasOpenCue()) {
        withdraw(in, cur, now, out);
      }
      progress(in, now, out);
      return cur.afterFinals(cur.nextCueSeq(), CueCursor.NONE);
    }
    CueCursor after = emitFinals(in, cur, shaped, words, cur.nextCueSeq(), now, out);
    progress(in, now, out);
    return after;
  }

  /**
   * Emits {@code shaped} as final cues; the first replaces the open partial cue (at the end of the
   * segment or on a commit), the others get new numbers from {@code nextSeq}, so that numbers
   * follow media time.
   */
  private CueCursor emitFinals(
      Recognition in,
      CueCursor cur,
      List<ShapedCue> shaped,
      CueRecords.Words words,
      long nextSeq,
      long now,
      Collector<SubtitleCue> out) {
    for (int i = 0; i < shaped.size(); i++) {
      ShapedCue cue = shaped.get(i);
      boolean replacesPartial = i == 0 && cur.hasOpenCue();
      long seq = replacesPartial ? cur.openCueSeq() : nextSeq++;
      int revision = replacesPartial ? cur.openRevision() + 1 : 0;
      out.collect(CueRecords.shaped(in, seq, revision, cue, words.confidence(), now));
      metrics.finalCue(now - CueRecords.captureTimeMs(in, lastWordEnd(cue)));
    }
    long end = shaped.get(shaped.size() - 1).endMs();
    return cur.afterFinals(nextSeq, end);
  }

  private static boolean sameText(RecognizedWord[] a, RecognizedWord[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!a[i].text().equals(b[i].text())) {
        return false;
      }
    }
    return true;
  }

  private static PhraseContext context(CueCursor cur) {
    return cur.lastFinalEndMs() == CueCursor.NONE
        ? PhraseContext.none()
        : PhraseContext.none().withPreviousCueEnd(cur.lastFinalEndMs());
  }

  private static long lastWordEnd(ShapedCue cue) {
    return cue.words().isEmpty() ? cue.endMs() : lastWord(cue).endMs();
  }

  /** The cue's word that ends last. */
  private static TimedWord lastWord(ShapedCue cue) {
    return cue.words().stream().max(Comparator.comparingLong(TimedWord::endMs)).orElseThrow();
  }

  private void withdraw(Recognition in, CueCursor cur, long now, Collector<SubtitleCue> out) {
    out.collect(CueRecords.withdrawn(in, cur.openCueSeq(), cur.openRevision() + 1, now));
    metrics.withdrawnCues.inc();
  }

  /** Every cue starting before the phrase's end is final now; the next phrase starts later. */
  private static void progress(Recognition in, long now, Collector<SubtitleCue> out) {
    out.collect(
        CueConventions.progress(
            in.streamId(),
            in.language(),
            in.segmentEndMs(),
            CueRecords.captureTimeMs(in, in.segmentEndMs()),
            now));
  }
}
