package io.livesubs.jobs.cues;

import io.livesubs.jobs.captions.CueShaper;
import io.livesubs.jobs.captions.PartialCaptionFormatter;
import io.livesubs.jobs.captions.PhraseContext;
import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.speech.Recognition;
import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
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
 *       of the hypothesis that fits on screen.
 *   <li>FINAL: the phrase's words shaped into final cues by {@link CueShaper}, starting at least
 *       one minimum gap after the previous final cue. The first takes the open partial's number and
 *       its next revision, so it replaces the partials; the others get new numbers. If the phrase
 *       has no words but partials were shown, a final revision without lines withdraws them
 *       (consumers show nothing for a cue without lines). A progress marker ({@link
 *       CueConventions#progress}) at the phrase's end follows, so playlists advance.
 *   <li>END_STREAM: the end-of-stream marker ({@link CueConventions#endOfStream}); the stream's
 *       state is cleared.
 * </ul>
 *
 * <p>Cue identity is (stream, language, cue seq, revision); every field but {@code emittedAtMs} is
 * a function of the input and the state, never of the wall clock, so a replay after a failure
 * reproduces the same cues. State: one {@link CueCursor} per stream. Metrics: see {@link
 * CueMetrics}. Flink calls an instance from one task thread.
 */
public final class CueEmitter extends KeyedProcessFunction<String, Recognition, SubtitleCue> {

  private static final long serialVersionUID = 1L;

  private final ShapingRules rules;
  private transient CueShaper shaper;
  private transient PartialCaptionFormatter formatter;
  private transient ValueState<CueCursor> cursor;
  private transient CueMetrics metrics;

  /** An emitter shaping final cues by {@code rules}. */
  public CueEmitter(ShapingRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  public void open(OpenContext openContext) {
    shaper = new CueShaper(rules);
    formatter = new PartialCaptionFormatter(rules);
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
      }
    }
  }

  private CueCursor partial(Recognition in, CueCursor cur, long now, Collector<SubtitleCue> out) {
    List<String> lines = formatter.format(in.text());
    if (lines.isEmpty() && !cur.hasOpenCue()) {
      return cur; // nothing shown, nothing to revise
    }
    CueCursor next = cur.nextPartial();
    out.collect(CueRecords.partial(in, next.openCueSeq(), next.openRevision(), lines, now));
    metrics.partial(now - CueRecords.captureTimeMs(in, in.segmentEndMs()));
    return next;
  }

  private CueCursor finalCues(Recognition in, CueCursor cur, long now, Collector<SubtitleCue> out) {
    CueRecords.Words words = CueRecords.words(in);
    PhraseContext context =
        cur.lastFinalEndMs() == CueCursor.NONE
            ? PhraseContext.none()
            : PhraseContext.none().withPreviousCueEnd(cur.lastFinalEndMs());
    List<ShapedCue> shaped = shaper.shape(words.list(), context);
    if (shaped.isEmpty()) {
      if (cur.hasOpenCue()) {
        withdraw(in, cur, now, out);
      }
      progress(in, now, out);
      return cur.afterFinals(cur.nextCueSeq(), CueCursor.NONE);
    }
    long nextSeq = cur.nextCueSeq();
    for (int i = 0; i < shaped.size(); i++) {
      ShapedCue cue = shaped.get(i);
      boolean replacesPartial = i == 0 && cur.hasOpenCue();
      long seq = replacesPartial ? cur.openCueSeq() : nextSeq++;
      int revision = replacesPartial ? cur.openRevision() + 1 : 0;
      out.collect(CueRecords.shaped(in, seq, revision, cue, words.confidence(), now));
      long lastWordEnd = cue.words().stream().mapToLong(w -> w.endMs()).max().orElse(cue.endMs());
      metrics.finalCue(now - CueRecords.captureTimeMs(in, lastWordEnd));
    }
    progress(in, now, out);
    return cur.afterFinals(nextSeq, shaped.get(shaped.size() - 1).endMs());
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
