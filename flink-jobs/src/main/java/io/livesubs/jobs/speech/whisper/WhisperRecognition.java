package io.livesubs.jobs.speech.whisper;

import io.livesubs.jobs.speech.AsrSettings;
import io.livesubs.jobs.speech.Recognition;
import io.livesubs.jobs.speech.SpeechAudio;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The Whisper path of the recognition stage, from speech segments to recognitions in the form the
 * caption stage consumes:
 *
 * <pre>
 * speech (SpeechAudio) → keyBy(stream) → plan windows ({@link WindowPlanner}: keyed state, a window
 *   every step of a segment's audio, a final one at its end)
 *   → decode (async, ordered, capacity asr.whisper.capacity, timeout asr.whisper.timeout-ms:
 *     {@link AsyncWhisperDecoder} on the JVM's shared model and batch service)
 *   → keyBy(stream) → agree ({@link SegmentAgreement}: LocalAgreement-2 per segment) → Recognition
 * </pre>
 *
 * <p>Windows are decoded without a prompt of earlier text: prompting with committed text would need
 * the agreement's result upstream of the planner, a feedback loop Flink streams do not offer. In
 * exchange every window is a function of the segment's audio alone, so the output after a restore
 * equals the output without a failure. Stateless; call once per job.
 */
public final class WhisperRecognition {

  /** Uid of the window planner. */
  public static final String PLAN_UID = "asr-whisper-plan";

  /** Uid of the asynchronous decode stage. */
  public static final String DECODE_UID = "asr-whisper-decode";

  /** Uid of the agreement stage. */
  public static final String AGREE_UID = "asr-whisper-agree";

  private WhisperRecognition() {}

  /**
   * Adds the Whisper path after {@code speech}.
   *
   * @param speech each stream's speech, as the speech detector emits it
   * @param settings engine settings; {@code engine()} must be {@link AsrSettings.Engine#WHISPER}
   * @return each stream's recognitions, {@code (PARTIAL* FINAL)* END_STREAM}
   */
  public static DataStream<Recognition> recognise(
      DataStream<SpeechAudio> speech, AsrSettings settings) {
    if (settings.engine() != AsrSettings.Engine.WHISPER) {
      throw new IllegalArgumentException("not Whisper settings: " + settings.engine());
    }
    WhisperSettings whisper = settings.whisper();
    int stepMs = Math.max(whisper.stepMs(), settings.partialIntervalMs());
    DataStream<SpeechWindow> windows =
        speech
            .keyBy(SpeechAudio::streamId, Types.STRING)
            .process(
                new WindowPlanner(stepMs, WhisperSettings.WINDOW_MS, settings.emitPartials()),
                TypeInformation.of(SpeechWindow.class))
            .uid(PLAN_UID)
            .name("plan Whisper windows");
    DataStream<DecodedWindow> decoded =
        AsyncDataStream.orderedWait(
                windows,
                new AsyncWhisperDecoder(settings),
                whisper.timeoutMs(),
                TimeUnit.MILLISECONDS,
                whisper.capacity())
            .returns(TypeInformation.of(DecodedWindow.class))
            .uid(DECODE_UID)
            .name("decode speech (whisper, batched)");
    return decoded
        .keyBy(DecodedWindow::streamId, Types.STRING)
        .process(
            new SegmentAgreement(settings.emitPartials()), TypeInformation.of(Recognition.class))
        .uid(AGREE_UID)
        .name("recognise speech (whisper)");
  }
}
