package io.livesubs.jobs.speech.whisper;

import io.livesubs.inference.asr.whisper.streaming.LocalAgreement;
import io.livesubs.jobs.speech.Recognition;
import io.livesubs.jobs.speech.RecognizedWord;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns each stream's decoded windows into {@link Recognition}s, exactly as the caption stage
 * consumes them from the Vosk path: per segment part, LocalAgreement-2 ({@link LocalAgreement})
 * over consecutive PARTIAL windows commits the words two decodes agree on, and a PARTIAL carrying
 * the committed words plus the unstable tail goes out whenever that text changes; the FINAL window
 * commits the rest (a FINAL without new audio, or one that timed out or failed, commits the tail as
 * it is) and goes out as FINAL with every word of the part; END_STREAM follows last. Words are in
 * media time. Keyed by stream id; input from {@link AsyncWhisperDecoder}.
 *
 * <p>The agreement state is checkpointed ({@link AgreementState}) and windows arrive in order
 * (ordered async wait, then this keyed exchange), so a restore continues with the same commits. A
 * window without a hypothesis (timed out, failed) leaves the previous hypothesis standing. Parts of
 * a language the model cannot do produce nothing, as in the Vosk path. Metrics: {@code
 * whisperPartials}, {@code whisperFinals}. Flink calls an instance from one task thread.
 */
public final class SegmentAgreement
    extends KeyedProcessFunction<String, DecodedWindow, Recognition> {

  private static final long serialVersionUID = 1L;
  private static final String UNDETERMINED = "und";

  private final boolean emitPartials;
  private transient ValueState<AgreementState> segment;
  private transient ValueState<String> streamLanguage;
  private transient Counter partials;
  private transient Counter finals;

  /** An agreement stage; {@code emitPartials} off, only FINALs go out. */
  public SegmentAgreement(boolean emitPartials) {
    this.emitPartials = emitPartials;
  }

  @Override
  public void open(OpenContext openContext) {
    segment =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "whisper-agreement", TypeInformation.of(AgreementState.class)));
    streamLanguage =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("whisper-stream-language", Types.STRING));
    partials = getRuntimeContext().getMetricGroup().counter("whisperPartials");
    finals = getRuntimeContext().getMetricGroup().counter("whisperFinals");
  }

  @Override
  public void processElement(DecodedWindow in, Context ctx, Collector<Recognition> out)
      throws Exception {
    switch (in.kind()) {
      case PARTIAL -> partial(in, out);
      case FINAL -> finish(in, out);
      case END_STREAM -> {
        String language = in.language();
        if (UNDETERMINED.equals(language) && streamLanguage.value() != null) {
          language = streamLanguage.value();
        }
        out.collect(
            Recognition.endStream(
                in.streamId(), in.endMs(), in.captureAnchorMs(), in.engine(), language));
        // Nothing follows END_STREAM; state left behind would ride along in every checkpoint.
        segment.clear();
        streamLanguage.clear();
      }
    }
  }

  private void partial(DecodedWindow in, Collector<Recognition> out) throws Exception {
    if (!in.hypothesis()) {
      return; // no new hypothesis: the last one stands
    }
    AgreementState state = current(in);
    LocalAgreement agreement = state.agreement();
    agreement.insert(AgreementState.words(in.words()));
    AgreementState next = state.with(agreement, state.lastPartialText());
    RecognizedWord[] hypothesis = next.hypothesis();
    String text = text(hypothesis);
    if (emitPartials && !text.equals(state.lastPartialText())) {
      out.collect(recognition(in, Recognition.Kind.PARTIAL, text, hypothesis));
      partials.inc();
      next = next.with(agreement, text);
    }
    segment.update(next);
    remember(in);
  }

  private void finish(DecodedWindow in, Collector<Recognition> out) throws Exception {
    AgreementState state = current(in);
    // The part is over: its agreement state is never needed again.
    segment.clear();
    if (in.outcome() == DecodedWindow.Outcome.UNSUPPORTED) {
      return;
    }
    LocalAgreement agreement = state.agreement();
    if (in.hypothesis()) {
      agreement.finish(AgreementState.words(in.words()));
    } else {
      agreement.commitTail();
    }
    RecognizedWord[] words = AgreementState.recognized(agreement.committed());
    out.collect(recognition(in, Recognition.Kind.FINAL, text(words), words));
    finals.inc();
    remember(in);
  }

  private AgreementState current(DecodedWindow in) throws Exception {
    AgreementState state = segment.value();
    return state != null && state.startMs() == in.startMs()
        ? state
        : AgreementState.fresh(in.startMs());
  }

  private void remember(DecodedWindow in) throws Exception {
    if (!UNDETERMINED.equals(in.language())) {
      streamLanguage.update(in.language());
    }
  }

  private static Recognition recognition(
      DecodedWindow in, Recognition.Kind kind, String text, RecognizedWord[] words) {
    return new Recognition(
        in.streamId(),
        kind,
        text,
        words,
        in.startMs(),
        Math.max(in.startMs(), in.endMs()),
        in.captureAnchorMs(),
        in.engine(),
        in.language(),
        0);
  }

  private static String text(RecognizedWord[] words) {
    return Arrays.stream(words).map(RecognizedWord::text).collect(Collectors.joining(" "));
  }
}
