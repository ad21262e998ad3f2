package io.livesubs.jobs.translation;

import io.livesubs.jobs.captions.CueShaper;
import io.livesubs.jobs.captions.PartialCaptionFormatter;
import io.livesubs.jobs.captions.PhraseContext;
import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.captions.TimedWord;
import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.CueRef;
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
 * Shapes translated phrases into target-language cues. Keyed by {@link
 * TranslatedPhrase#timelineKey()}: one timeline per (stream, target language).
 *
 * <p>The translation gets word times from {@link SyntheticWordTimes} (spread over the source
 * phrase's span) and is shaped by {@link CueShaper} with the same {@link ShapingRules} as the
 * source, bounded to end by the source phrase's end and to start at least one minimum gap after the
 * timeline's previous cue. (Only when the span cannot hold the words at all, say a long translation
 * of a very short phrase, does the shaper's 1 ms fallback push cues past the span's end; {@link
 * io.livesubs.jobs.captions.CueShaper} documents that exception.) Each cue is final with revision 0
 * (the first after a preview: the next revision, see below), numbered 0, 1, 2, … per timeline,
 * carries the target language, the engine, and as {@code sourceCue} the first source cue of the
 * phrase. A progress marker at the phrase's end follows each phrase. The end marker of the source
 * stream becomes this timeline's end-of-stream marker and clears its state.
 *
 * <p><b>Partial previews</b> (with {@code translation.partials}): a translated partial becomes a
 * non-final cue numbered like the next final cue, each new preview the next revision, its lines the
 * tail that fits (as for source partials). The phrase's first final cue then takes that number and
 * the next revision, so it replaces the preview; a preview with no phrase after it is withdrawn by
 * a final revision without lines (and its number is used up), as {@code CueEmitter} does.
 *
 * <p>Every field but {@code emittedAtMs} follows from the input and the state, so a replay
 * reproduces the cues. Flink calls an instance from one task thread.
 */
public final class TranslatedCueEmitter
    extends KeyedProcessFunction<String, TranslatedPhrase, SubtitleCue> {

  private static final long serialVersionUID = 1L;

  private final ShapingRules rules;
  private transient CueShaper shaper;
  private transient PartialCaptionFormatter previewFormatter;
  private transient ValueState<TimelineCursor> cursor;

  /** An emitter shaping by {@code rules}. */
  public TranslatedCueEmitter(ShapingRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  public void open(OpenContext openContext) {
    shaper = new CueShaper(rules);
    previewFormatter = new PartialCaptionFormatter(rules);
    cursor =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "translated-timeline", TypeInformation.of(TimelineCursor.class)));
  }

  @Override
  public void processElement(TranslatedPhrase in, Context ctx, Collector<SubtitleCue> out)
      throws Exception {
    long now = System.currentTimeMillis();
    TimelineCursor cur = cursor.value();
    if (cur == null) {
      cur = TimelineCursor.initial();
    }
    if (in.endOfStream()) {
      withdrawPreview(in, cur, out, now);
      out.collect(
          CueConventions.endOfStream(
              in.streamId(), in.targetLanguage(), in.endMs(), in.captureTimeMs(), now));
      // Nothing follows the end of the stream in this language; drop the timeline's state.
      cursor.clear();
      return;
    }
    if (in.partial()) {
      cursor.update(preview(in, cur, out, now));
      return;
    }
    List<ShapedCue> shaped = shape(shaper, in, cur);
    if (shaped.isEmpty()) {
      cur = withdrawPreview(in, cur, out, now);
    }
    long seq = cur.nextCueSeq();
    long lastEnd = cur.lastEndMs();
    int revision = cur.nextRevision(); // the first cue replaces an open preview
    for (ShapedCue cue : shaped) {
      out.collect(record(in, seq++, revision, cue, now));
      revision = 0;
      lastEnd = cue.endMs();
    }
    out.collect(
        CueConventions.progress(
            in.streamId(), in.targetLanguage(), in.endMs(), in.captureTimeMs(), now));
    cursor.update(new TimelineCursor(seq, lastEnd));
  }

  /** Shows (or, for empty text, withdraws) the partial preview {@code in}; the cursor after it. */
  private TimelineCursor preview(
      TranslatedPhrase in, TimelineCursor cur, Collector<SubtitleCue> out, long now) {
    List<String> lines = previewFormatter.format(in.text());
    if (lines.isEmpty()) {
      return withdrawPreview(in, cur, out, now);
    }
    int revision = cur.nextRevision();
    long start = Math.max(in.startMs(), cur.lastEndMs() + 1);
    long end = Math.max(in.endMs(), start + 1);
    out.collect(
        SubtitleCue.newBuilder(record(in, cur.nextCueSeq(), revision, start, end, lines, now))
            .setIsFinal(false)
            .build());
    return new TimelineCursor(cur.nextCueSeq(), cur.lastEndMs(), revision);
  }

  /** Withdraws an open preview (a final revision without lines); the cursor after it. */
  private static TimelineCursor withdrawPreview(
      TranslatedPhrase in, TimelineCursor cur, Collector<SubtitleCue> out, long now) {
    if (!cur.hasOpenPartial()) {
      return cur;
    }
    long at = Math.max(cur.lastEndMs(), in.startMs());
    out.collect(record(in, cur.nextCueSeq(), cur.nextRevision(), at, at, List.of(), now));
    return new TimelineCursor(cur.nextCueSeq() + 1, cur.lastEndMs());
  }

  /**
   * The cues of one translated phrase on a timeline at {@code cur}; see {@link
   * #context(TranslatedPhrase, TimelineCursor, ShapingRules)}.
   */
  static List<ShapedCue> shape(CueShaper shaper, TranslatedPhrase in, TimelineCursor cur) {
    List<TimedWord> words = SyntheticWordTimes.spread(in.text(), in.startMs(), in.endMs());
    return shaper.shape(words, context(in, cur, shaper.rules()));
  }

  /**
   * The shaping context of a phrase: after the timeline's previous cue, and ending by the source
   * phrase's end (expressed as next speech one minimum gap later, the shaper's own bound).
   */
  static PhraseContext context(TranslatedPhrase in, TimelineCursor cur, ShapingRules rules) {
    PhraseContext context = PhraseContext.none().withNextSpeechStart(in.endMs() + rules.minGapMs());
    return cur.lastEndMs() < 0 ? context : context.withPreviousCueEnd(cur.lastEndMs());
  }

  private static SubtitleCue record(
      TranslatedPhrase in, long seq, int revision, ShapedCue cue, long now) {
    return record(in, seq, revision, cue.startMs(), cue.endMs(), cue.lines(), now);
  }

  private static SubtitleCue record(
      TranslatedPhrase in,
      long seq,
      int revision,
      long startMs,
      long endMs,
      List<String> lines,
      long now) {
    return SubtitleCue.newBuilder()
        .setStreamId(in.streamId())
        .setLanguage(in.targetLanguage())
        .setCueSeq(seq)
        .setRevision(revision)
        .setIsFinal(true)
        .setStartMs(startMs)
        .setEndMs(endMs)
        .setLines(lines)
        // The word times were invented for shaping; the schema's words are times an engine knows.
        .setWords(List.of())
        .setSourceCue(new CueRef(in.sourceLanguage(), in.firstCueSeq(), in.firstCueRevision()))
        .setEngine(in.engine())
        // The source phrase's capture time: translation latency counts from the speech's end.
        .setCaptureTimeMs(in.captureTimeMs())
        .setEmittedAtMs(now)
        .build();
  }
}
