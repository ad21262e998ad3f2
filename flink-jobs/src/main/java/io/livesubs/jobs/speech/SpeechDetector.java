package io.livesubs.jobs.speech;

import io.livesubs.inference.vad.SileroVad;
import io.livesubs.inference.vad.VadConfig;
import io.livesubs.jobs.ordering.OrderedAudio;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Finds speech in each stream's ordered audio with Silero VAD and hands on only the speech. Keyed
 * by stream id; input from the ordering stage, output to {@link SpeechRecognizer}.
 *
 * <ul>
 *   <li>DATA: fed to the stream's {@code SpeechSegmenter} at its media offset (a jump forward is
 *       missing audio, an overlap is skipped). Segment starts are reported after the fact, so
 *       recent audio is kept to replay the padding and the first speech; a segment's audio goes out
 *       as soon as it certainly belongs to the segment (see {@link StreamVad}).
 *   <li>GAP: the missing samples count as silence with exact timing, so later times stay right.
 *   <li>END: an open segment is closed at the end of the audio, END_STREAM follows, and the
 *       stream's state is cleared (see {@link #processElement}).
 * </ul>
 *
 * <p>State: one {@link DetectorState} per stream, the single source of truth: the segmenter is
 * rebuilt from it for every element (cheap next to the model call) and written back after it, so
 * the VAD's recurrent state and the retained audio survive a restore and output after a failure
 * equals output without one. The Silero model is shared per JVM and opened in {@link #open}.
 * Metrics: see {@link DetectorMetrics}. Flink calls an instance from one task thread.
 */
public final class SpeechDetector extends KeyedProcessFunction<String, OrderedAudio, SpeechAudio> {

  private static final long serialVersionUID = 1L;

  private final VadSettings settings;
  private transient VadConfig vadConfig;
  private transient SileroVad vad;
  private transient ValueState<DetectorState> state;
  private transient DetectorMetrics metrics;

  /** A detector with {@code settings}. */
  public SpeechDetector(VadSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public void open(OpenContext openContext) {
    vadConfig = settings.vadConfig();
    vad = settings.openModel();
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("vad", TypeInformation.of(DetectorState.class)));
    metrics = new DetectorMetrics(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(OrderedAudio in, Context ctx, Collector<SpeechAudio> out)
      throws Exception {
    if (in.sampleRate() != SileroVad.SAMPLE_RATE) {
      throw new IllegalStateException(
          "stream "
              + in.streamId()
              + " has "
              + in.sampleRate()
              + " Hz audio; the VAD needs "
              + SileroVad.SAMPLE_RATE
              + " Hz (the job's chunk limits must only accept that rate)");
    }
    DetectorState kept = state.value();
    if (kept == null && in.kind() == OrderedAudio.Kind.END) {
      out.collect(endStream(in));
      return;
    }
    long started = System.nanoTime();
    StreamVad stream =
        kept == null
            ? StreamVad.start(vad, vadConfig, in.streamId(), in.mediaOffsetSamples())
            : StreamVad.resume(vad, vadConfig, in.streamId(), kept);
    stream.begin(speech -> emit(speech, out), in.sampleRate(), anchorMs(in), in.languageHint());
    switch (in.kind()) {
      case DATA -> stream.accept(in.samples(), in.mediaOffsetSamples());
      case GAP -> stream.advanceTo(in.mediaOffsetSamples() + in.sampleCount());
      case END -> {
        stream.advanceTo(in.mediaOffsetSamples());
        stream.finish();
        out.collect(endStream(in));
        // The stream is over: the ordering stage sends nothing after END, so nothing here is
        // needed again, and state left behind would ride along in every checkpoint forever.
        state.clear();
        metrics.lag.ended(in.streamId());
        return;
      }
    }
    state.update(stream.toState());
    long audio = in.kind() == OrderedAudio.Kind.DATA ? in.sampleCount() : 0;
    metrics.processed(audio, stream.speechSamples(), in.sampleRate(), System.nanoTime() - started);
    if (audio > 0) {
      metrics.lag.processed(
          in.streamId(), in.captureTimeMs() + in.sampleCount() * 1000 / in.sampleRate());
    }
  }

  @Override
  public void close() throws Exception {
    if (vad != null) {
      vad.close();
      vad = null;
    }
    super.close();
  }

  private void emit(SpeechAudio speech, Collector<SpeechAudio> out) {
    if (speech.kind() == SpeechAudio.Kind.START) {
      metrics.speechSegments.inc();
    }
    out.collect(speech);
  }

  private static SpeechAudio endStream(OrderedAudio end) {
    return SpeechAudio.endStream(
        end.streamId(),
        end.mediaOffsetSamples(),
        end.sampleRate(),
        anchorMs(end),
        end.languageHint());
  }

  /** Capture wall-clock time of the stream's media time 0, as this element tells it. */
  private static long anchorMs(OrderedAudio in) {
    return in.captureTimeMs() - in.mediaOffsetSamples() * 1000 / in.sampleRate();
  }
}
