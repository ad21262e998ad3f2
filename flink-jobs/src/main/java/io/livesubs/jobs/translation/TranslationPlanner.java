package io.livesubs.jobs.translation;

import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decides what to translate: assembles each stream's final source cues into phrases and asks for
 * them in the stream's current target languages. Keyed by stream id; first input the source cues
 * (from {@code CueEmitter}), second input the broadcast {@link StreamTargets} updates.
 *
 * <p><b>Phrases.</b> {@code CueEmitter} shapes each final recognition into final cues followed by
 * one progress marker, so a phrase is the final cues with text between two progress markers; their
 * lines joined by spaces make the sentence (Vosk gives no punctuation to split on). Withdrawals
 * (final cues without lines) have no text. Partial cues are ignored unless {@code
 * translatePartials}: then each partial whose text changed becomes a preview request in the targets
 * of the open phrase (or the current targets), and a preview that no phrase follows is withdrawn at
 * the next progress marker, withdrawal or end.
 *
 * <p><b>Targets and when they change.</b> A stream's targets are the latest {@link StreamTargets}
 * for it, or {@link TranslationSettings#defaultTargets()} when there is none or it was reset. They
 * are fixed per phrase when its first cue arrives: an update applies from the first phrase whose
 * first cue reaches this operator after the update; a phrase in progress keeps its targets, so no
 * phrase is translated partly or twice. Targets equal to the source language are skipped.
 *
 * <p><b>End.</b> The source end-of-stream marker flushes the open phrase and becomes an end request
 * naming every language the stream was translated into (and its current targets), so each
 * translated timeline gets its own end marker. State: the open phrase and the languages used. Flink
 * calls an instance from one task thread.
 */
public final class TranslationPlanner
    extends KeyedBroadcastProcessFunction<String, SubtitleCue, StreamTargets, TranslationRequest> {

  private static final long serialVersionUID = 1L;

  /** Broadcast state: stream id to its configured targets. */
  public static final MapStateDescriptor<String, String[]> TARGETS =
      new MapStateDescriptor<>(
          "stream-targets", Types.STRING, BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO);

  private final String[] defaultTargets;
  private final boolean translatePartials;
  private transient ValueState<PhraseBuffer> phrase;
  private transient ValueState<PartialPreview> preview;
  private transient ValueState<String[]> languagesUsed;

  /** A planner of final phrases only, falling back to {@code defaultTargets}. */
  public TranslationPlanner(List<String> defaultTargets) {
    this(defaultTargets, false);
  }

  /**
   * A planner falling back to {@code defaultTargets} for streams without a config, also asking for
   * previews of partial cues when {@code translatePartials}.
   */
  public TranslationPlanner(List<String> defaultTargets, boolean translatePartials) {
    this.translatePartials = translatePartials;
    Objects.requireNonNull(defaultTargets, "defaultTargets");
    for (String tag : defaultTargets) {
      TranslationSettings.checkLanguageTag("default target", tag);
    }
    this.defaultTargets = defaultTargets.toArray(String[]::new);
  }

  @Override
  public void open(OpenContext openContext) {
    phrase =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("phrase", TypeInformation.of(PhraseBuffer.class)));
    languagesUsed =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "languages-used", BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO));
    preview =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "partial-preview", TypeInformation.of(PartialPreview.class)));
  }

  @Override
  public void processBroadcastElement(
      StreamTargets update, Context ctx, Collector<TranslationRequest> out) throws Exception {
    if (update.reset()) {
      ctx.getBroadcastState(TARGETS).remove(update.streamId());
    } else {
      ctx.getBroadcastState(TARGETS).put(update.streamId(), update.targetLanguages().clone());
    }
  }

  @Override
  public void processElement(
      SubtitleCue cue, ReadOnlyContext ctx, Collector<TranslationRequest> out) throws Exception {
    String streamId = cue.getStreamId();
    if (CueConventions.isEndOfStream(cue)) {
      flush(streamId, out);
      withdrawPreview(cue, out);
      Set<String> languages = new LinkedHashSet<>(used());
      languages.addAll(targets(streamId, cue.getLanguage(), ctx.getBroadcastState(TARGETS)));
      if (!languages.isEmpty()) {
        out.collect(
            TranslationRequest.end(
                streamId,
                cue.getLanguage(),
                languages.toArray(String[]::new),
                cue.getEndMs(),
                cue.getCaptureTimeMs()));
      }
      // Nothing follows the end of a stream; keeping its state would bloat every checkpoint.
      phrase.clear();
      languagesUsed.clear();
      preview.clear();
      return;
    }
    if (CueConventions.isProgress(cue)) {
      flush(streamId, out);
      withdrawPreview(cue, out);
      return;
    }
    if (!cue.getIsFinal()) {
      if (translatePartials && !cue.getLines().isEmpty()) {
        requestPreview(cue, ctx, out);
      }
      return;
    }
    if (cue.getLines().isEmpty()) {
      if (phrase.value() == null) {
        withdrawPreview(cue, out); // the source withdrew its partial: so does every target
      }
      return;
    }
    String text = String.join(" ", cue.getLines()).strip();
    PhraseBuffer open = phrase.value();
    if (open == null) {
      List<String> targets = targets(streamId, cue.getLanguage(), ctx.getBroadcastState(TARGETS));
      phrase.update(
          new PhraseBuffer(
              cue.getLanguage(),
              targets.toArray(String[]::new),
              text,
              cue.getStartMs(),
              cue.getEndMs(),
              cue.getCueSeq(),
              cue.getRevision(),
              cue.getCaptureTimeMs()));
    } else {
      phrase.update(open.append(text, cue.getEndMs(), cue.getCaptureTimeMs()));
    }
  }

  private void flush(String streamId, Collector<TranslationRequest> out) throws Exception {
    PhraseBuffer done = phrase.value();
    if (done == null) {
      return;
    }
    phrase.clear(); // the phrase is handed on; the next cue starts a new one
    PartialPreview shown = preview.value();
    preview.clear(); // the phrase's translation replaces the preview on its target timelines
    if (shown != null) {
      List<String> elsewhere = new ArrayList<>(List.of(shown.targets()));
      elsewhere.removeAll(List.of(done.targets()));
      if (!elsewhere.isEmpty()) {
        out.collect(
            TranslationRequest.partial(
                streamId,
                done.language(),
                elsewhere.toArray(String[]::new),
                "",
                done.endMs(),
                done.endMs(),
                done.captureTimeMs()));
      }
    }
    if (done.targets().length == 0) {
      return;
    }
    Set<String> languages = new LinkedHashSet<>(used());
    languages.addAll(List.of(done.targets()));
    languagesUsed.update(languages.toArray(String[]::new));
    out.collect(done.toRequest(streamId));
  }

  private void requestPreview(
      SubtitleCue cue, ReadOnlyContext ctx, Collector<TranslationRequest> out) throws Exception {
    String text = String.join(" ", cue.getLines()).strip();
    PartialPreview shown = preview.value();
    if (shown != null && shown.text().equals(text)) {
      return; // a revision with the same text: nothing new to translate
    }
    PhraseBuffer open = phrase.value();
    String[] targets =
        open != null
            ? open.targets()
            : targets(cue.getStreamId(), cue.getLanguage(), ctx.getBroadcastState(TARGETS))
                .toArray(String[]::new);
    if (shown != null) {
      // A preview stays in the languages it was first shown in, so one withdrawal reaches them all.
      targets = shown.targets();
    }
    if (targets.length == 0) {
      return;
    }
    Set<String> languages = new LinkedHashSet<>(used());
    languages.addAll(List.of(targets));
    languagesUsed.update(languages.toArray(String[]::new));
    preview.update(new PartialPreview(text, targets));
    out.collect(
        TranslationRequest.partial(
            cue.getStreamId(),
            cue.getLanguage(),
            targets,
            text,
            cue.getStartMs(),
            cue.getEndMs(),
            cue.getCaptureTimeMs()));
  }

  private void withdrawPreview(SubtitleCue cue, Collector<TranslationRequest> out)
      throws Exception {
    PartialPreview shown = preview.value();
    if (shown == null) {
      return;
    }
    preview.clear(); // withdrawn on every target timeline below
    out.collect(
        TranslationRequest.partial(
            cue.getStreamId(),
            cue.getLanguage(),
            shown.targets(),
            "",
            cue.getStartMs(),
            cue.getStartMs(),
            cue.getCaptureTimeMs()));
  }

  private List<String> used() throws Exception {
    String[] value = languagesUsed.value();
    return value == null ? List.of() : List.of(value);
  }

  private List<String> targets(
      String streamId, String sourceLanguage, ReadOnlyBroadcastState<String, String[]> configured)
      throws Exception {
    String[] chosen = configured.get(streamId);
    String[] tags = chosen == null ? defaultTargets : chosen;
    List<String> out = new ArrayList<>(tags.length);
    for (String tag : tags) {
      if (!samePrimaryLanguage(tag, sourceLanguage) && !out.contains(tag)) {
        out.add(tag);
      }
    }
    return out;
  }

  private static boolean samePrimaryLanguage(String a, String b) {
    return primary(a).equals(primary(b));
  }

  private static String primary(String tag) {
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }
}
