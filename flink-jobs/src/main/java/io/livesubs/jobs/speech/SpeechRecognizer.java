package io.livesubs.jobs.speech;

import io.livesubs.inference.asr.AsrResult;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.AsrUpdate;
import io.livesubs.inference.asr.Transcript;
import io.livesubs.inference.models.SharedResourceRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Recognises each stream's speech segments with a streaming ASR engine. Keyed by stream id; input
 * from {@link SpeechDetector}, output to the caption stage.
 *
 * <p>One engine per engine and model per JVM ({@link SharedAsrEngines}), opened in {@link #open};
 * one {@link AsrSession} per open segment, held in a transient map because native decoder state
 * cannot be checkpointed. What is needed to rebuild it is in keyed state: the segment ({@link
 * OpenSegment}) and its audio, one list entry per AUDIO element. When an element finds state but no
 * session (after a restore, or on another subtask after rescaling), the session is rebuilt by
 * replaying the kept audio in the same blocks with its output suppressed. The engine's decoder
 * state depends on the audio alone and its partial hypotheses on the blocks, which are the same, so
 * output after a failure equals output without one.
 *
 * <p>PARTIAL is emitted whenever the engine computed a hypothesis ({@link AsrUpdate#computed()}),
 * at most every {@link AsrSettings#partialIntervalMs()} of audio, changed or not: an unchanged one
 * is the engine's second opinion on more audio, which lets the caption stage commit words and lets
 * its settle time run on media time, without waiting for the speaker's next word. The caption stage
 * turns only changed text into partial cues. FINAL when the segment ends. The work happens
 * synchronously in {@link #processElement}: a slow engine backpressures the source instead of
 * queueing audio. Metrics: see {@link RecognizerMetrics}. Flink calls an instance from one task
 * thread.
 */
public final class SpeechRecognizer extends KeyedProcessFunction<String, SpeechAudio, Recognition> {

  private static final long serialVersionUID = 1L;

  /** Partial interval that, in practice, turns partial hypotheses off inside the engine. */
  private static final int NO_PARTIALS_MS = Integer.MAX_VALUE / 1000;

  private final AsrSettings settings;
  private transient SharedResourceRegistry.Lease<AsrSettings.LoadedEngine> engine;
  private transient String engineName;
  private transient Map<String, AsrSession> sessions;
  private transient ValueState<OpenSegment> segment;
  private transient ListState<short[]> audio;
  private transient RecognizerMetrics metrics;

  /** A recogniser with {@code settings}. */
  public SpeechRecognizer(AsrSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public void open(OpenContext openContext) {
    engine = SharedAsrEngines.acquire(settings);
    engineName = engine.get().engine().name();
    sessions = new HashMap<>();
    segment =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("segment", TypeInformation.of(OpenSegment.class)));
    audio =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>(
                    "segment-audio", PrimitiveArrayTypeInfo.SHORT_PRIMITIVE_ARRAY_TYPE_INFO));
    metrics = new RecognizerMetrics(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(SpeechAudio in, Context ctx, Collector<Recognition> out)
      throws Exception {
    switch (in.kind()) {
      case START -> startSegment(in);
      case AUDIO -> feed(in, out);
      case END_SEGMENT -> finishSegment(in, out);
      case END_STREAM -> {
        finishSegment(in, out); // never open here: the detector ends segments first
        out.collect(
            Recognition.endStream(
                in.streamId(), in.mediaMs(), in.captureAnchorMs(), engineName, language(in)));
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (sessions != null) {
      sessions.values().forEach(AsrSession::close);
      sessions.clear();
    }
    if (engine != null) {
      engine.close();
      engine = null;
    }
    super.close();
  }

  private void startSegment(SpeechAudio in) throws Exception {
    discardSegment(in.streamId());
    String hint = in.languageHint();
    boolean recognised = hint == null || recognises(hint);
    if (!recognised) {
      metrics.segmentsSkippedLanguage.inc();
    }
    segment.update(new OpenSegment(in.segmentStartSample(), in.sampleRate(), hint, recognised, 0));
  }

  private void feed(SpeechAudio in, Collector<Recognition> out) throws Exception {
    OpenSegment open = segment.value();
    if (open == null || !open.recognised()) {
      return;
    }
    AsrSession session = session(in.streamId(), open);
    long started = System.nanoTime();
    AsrUpdate update = session.acceptWaveform(in.samples(), 0, in.samples().length);
    metrics.decoded(in.samples().length, in.sampleRate(), System.nanoTime() - started);
    audio.add(in.samples());
    OpenSegment fed = open.fed(in.samples().length);
    if (settings.emitPartials() && update.computed()) {
      out.collect(
          recognition(
              in,
              Recognition.Kind.PARTIAL,
              update.hypothesis(),
              update.wordsAhead(),
              fed.fedEndMs(),
              fed));
      metrics.partials.inc();
    }
    segment.update(fed);
  }

  private void finishSegment(SpeechAudio in, Collector<Recognition> out) throws Exception {
    OpenSegment open = segment.value();
    if (open != null && open.recognised()) {
      AsrSession session = session(in.streamId(), open);
      long started = System.nanoTime();
      AsrResult result = session.finish();
      metrics.decoded(0, open.sampleRate(), System.nanoTime() - started);
      sessions.remove(in.streamId());
      out.collect(
          recognition(in, Recognition.Kind.FINAL, result.transcript(), 0, result.endMs(), open));
      metrics.finals.inc();
    }
    // The segment is finished: its audio was kept only to rebuild the decoder, which nobody
    // needs any more, and keeping it would make state grow with every segment of every stream.
    discardSegment(in.streamId());
  }

  /** The open segment's session; rebuilt from the kept audio when there is none. */
  private AsrSession session(String streamId, OpenSegment open) throws Exception {
    AsrSession session = sessions.get(streamId);
    if (session != null) {
      return session;
    }
    session =
        engine
            .get()
            .engine()
            .openSession(
                AsrSessionConfig.builder()
                    .startSample(open.startSample())
                    .sampleRate(open.sampleRate())
                    .language(open.languageHint())
                    .partialIntervalMs(
                        settings.emitPartials() ? settings.partialIntervalMs() : NO_PARTIALS_MS)
                    .build());
    boolean replayed = false;
    for (short[] block : audio.get()) {
      session.acceptWaveform(block, 0, block.length); // output was emitted before the restore
      replayed = true;
    }
    if (replayed) {
      metrics.sessionsRebuilt.inc();
    }
    sessions.put(streamId, session);
    return session;
  }

  private void discardSegment(String streamId) {
    AsrSession session = sessions.remove(streamId);
    if (session != null) {
      session.close();
    }
    segment.clear();
    audio.clear();
  }

  private Recognition recognition(
      SpeechAudio in,
      Recognition.Kind kind,
      Transcript text,
      int wordsAhead,
      long endMs,
      OpenSegment open) {
    return new Recognition(
        in.streamId(),
        kind,
        text.text(),
        text.words().stream().map(RecognizedWord::of).toArray(RecognizedWord[]::new),
        open.startMs(),
        Math.max(open.startMs(), endMs),
        in.captureAnchorMs(),
        engineName,
        language(in),
        wordsAhead);
  }

  /** Whether the engine recognises {@code hint}; hints are producer input, so may be malformed. */
  private boolean recognises(String hint) {
    try {
      AsrSessionConfig.builder().language(hint).build();
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    return engine.get().engine().supportsLanguage(hint);
  }

  private String language(SpeechAudio in) {
    return in.languageHint() != null ? in.languageHint() : engine.get().language();
  }
}
