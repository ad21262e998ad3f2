package io.livesubs.jobs.speech.whisper;

import io.livesubs.jobs.speech.SpeechAudio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Plans the Whisper decodes of each stream's speech: keeps the open segment's audio in keyed state
 * and emits a {@link SpeechWindow} each time the segment has grown by a step ({@link
 * WindowSchedule}), a FINAL window when the segment ends (or reaches 30 s, where it is cut), and
 * passes END_STREAM on. Keyed by stream id; input from the speech detector, output to {@link
 * AsyncWhisperDecoder}.
 *
 * <p>The audio of the current part and the schedule position are checkpointed, so after a restore
 * the planner goes on exactly where it was and emits the same windows as without the failure.
 * Windows are prompt-free, so none depends on a decode result: the planner needs no feedback from
 * downstream. State per stream is bounded by the 30 s part. Metrics: {@code whisperWindowsPlanned},
 * {@code whisperSegmentCuts}. Flink calls an instance from one task thread.
 */
public final class WindowPlanner extends KeyedProcessFunction<String, SpeechAudio, SpeechWindow> {

  private static final long serialVersionUID = 1L;

  private final int stepMs;
  private final int maxWindowMs;
  private final boolean partials;
  private transient ValueState<PlannedSegment> segment;
  private transient ListState<short[]> audio;
  private transient Counter planned;
  private transient Counter cuts;

  /**
   * A planner emitting a PARTIAL window every {@code stepMs} of audio (when {@code partials}) and
   * cutting segments at {@code maxWindowMs}.
   */
  public WindowPlanner(int stepMs, int maxWindowMs, boolean partials) {
    if (stepMs < 1 || maxWindowMs < stepMs || maxWindowMs > WhisperSettings.WINDOW_MS) {
      throw new IllegalArgumentException(
          "need 1 <= stepMs <= maxWindowMs <= 30000, got " + stepMs + ", " + maxWindowMs);
    }
    this.stepMs = stepMs;
    this.maxWindowMs = maxWindowMs;
    this.partials = partials;
  }

  @Override
  public void open(OpenContext openContext) {
    segment =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "whisper-segment", TypeInformation.of(PlannedSegment.class)));
    audio =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>(
                    "whisper-part-audio", PrimitiveArrayTypeInfo.SHORT_PRIMITIVE_ARRAY_TYPE_INFO));
    planned = getRuntimeContext().getMetricGroup().counter("whisperWindowsPlanned");
    cuts = getRuntimeContext().getMetricGroup().counter("whisperSegmentCuts");
  }

  @Override
  public void processElement(SpeechAudio in, Context ctx, Collector<SpeechWindow> out)
      throws Exception {
    switch (in.kind()) {
      case START -> {
        audio.clear();
        segment.update(
            new PlannedSegment(
                in.segmentStartSample(),
                0,
                0,
                in.sampleRate(),
                in.captureAnchorMs(),
                in.languageHint()));
      }
      case AUDIO -> append(in, out);
      case END_SEGMENT -> finish(in, out);
      case END_STREAM -> {
        finish(in, out); // never open here: the detector ends segments first
        out.collect(
            SpeechWindow.endStream(
                in.streamId(),
                in.mediaOffsetSamples(),
                in.sampleRate(),
                in.captureAnchorMs(),
                in.languageHint()));
        // Nothing follows END_STREAM; state left behind would ride along in every checkpoint.
        segment.clear();
        audio.clear();
      }
    }
  }

  private WindowSchedule schedule(int sampleRate) {
    return WindowSchedule.of(sampleRate, stepMs, maxWindowMs, partials);
  }

  private void append(SpeechAudio in, Collector<SpeechWindow> out) throws Exception {
    PlannedSegment seg = segment.value();
    if (seg == null || in.samples().length == 0) {
      return; // AUDIO outside a segment does not happen: the detector frames it
    }
    WindowSchedule.Step step = schedule(seg.sampleRate()).append(seg.part(), in.samples().length);
    if (step.windows().isEmpty()) {
      audio.add(in.samples());
      segment.update(seg.with(step.part(), in.captureAnchorMs()));
      return;
    }
    short[] all = concat(audio.get(), in.samples(), seg.buffered() + in.samples().length);
    long base = seg.partStart();
    for (WindowSchedule.Span span : step.windows()) {
      emit(in, span, copy(all, span.startSample() - base, span.endSample() - base), out);
      if (span.kind() == SpeechWindow.Kind.FINAL) {
        cuts.inc();
      }
    }
    if (step.part().startSample() == base) {
      audio.add(in.samples());
    } else {
      // A cut: only the audio after it stays.
      short[] rest = copy(all, step.part().startSample() - base, all.length);
      audio.update(rest.length == 0 ? List.of() : List.of(rest));
    }
    segment.update(seg.with(step.part(), in.captureAnchorMs()));
  }

  private void finish(SpeechAudio in, Collector<SpeechWindow> out) throws Exception {
    PlannedSegment seg = segment.value();
    if (seg == null) {
      return;
    }
    WindowSchedule.Span span = schedule(seg.sampleRate()).finish(seg.part());
    short[] samples =
        span.newSamples() > 0 ? concat(audio.get(), new short[0], seg.buffered()) : new short[0];
    emit(in, span, samples, out);
    // The segment is over: its audio is never needed again, and keeping it would make state grow
    // with every segment of every stream.
    segment.clear();
    audio.clear();
  }

  private void emit(
      SpeechAudio in, WindowSchedule.Span span, short[] samples, Collector<SpeechWindow> out) {
    planned.inc();
    out.collect(
        new SpeechWindow(
            in.streamId(),
            span.kind(),
            span.startSample(),
            span.endSample(),
            in.sampleRate(),
            samples,
            span.newSamples(),
            in.captureAnchorMs(),
            in.languageHint()));
  }

  private static short[] concat(Iterable<short[]> blocks, short[] last, long total) {
    short[] all = new short[Math.toIntExact(total)];
    int at = 0;
    List<short[]> parts = new ArrayList<>();
    if (blocks != null) {
      blocks.forEach(parts::add);
    }
    parts.add(last);
    for (short[] b : parts) {
      int n = Math.min(b.length, all.length - at);
      System.arraycopy(b, 0, all, at, n);
      at += n;
    }
    if (at != all.length) {
      throw new IllegalStateException("planner state holds " + at + " samples, expected " + total);
    }
    return all;
  }

  private static short[] copy(short[] all, long from, long to) {
    return Arrays.copyOfRange(all, Math.toIntExact(from), Math.toIntExact(to));
  }
}
