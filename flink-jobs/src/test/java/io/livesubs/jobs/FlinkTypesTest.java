package io.livesubs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.livesubs.jobs.cues.CueCursor;
import io.livesubs.jobs.ordering.OrderedAudio;
import io.livesubs.jobs.ordering.StreamCursor;
import io.livesubs.jobs.source.DecodedAudio;
import io.livesubs.jobs.source.PcmChunk;
import io.livesubs.jobs.source.RejectReason;
import io.livesubs.jobs.speech.DetectorState;
import io.livesubs.jobs.speech.OpenSegment;
import io.livesubs.jobs.speech.Recognition;
import io.livesubs.jobs.speech.RecognizedWord;
import io.livesubs.jobs.speech.SpeechAudio;
import io.livesubs.jobs.testing.TestStreams;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The types flowing between operators and kept in state are Flink POJOs, not Kryo generics. */
class FlinkTypesTest {

  private static final SerializerConfigImpl NO_KRYO = noKryo();

  private static SerializerConfigImpl noKryo() {
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false); // any fallback to Kryo fails loudly
    return config;
  }

  @Test
  void orderedAudioIsAPojoAndRoundTrips() throws Exception {
    PcmChunk chunk = TestStreams.stream("s", 3, true).get(1);
    for (OrderedAudio value :
        List.of(
            OrderedAudio.data(chunk),
            OrderedAudio.gap("s", 4, 2, 6400, 3200, 16_000, 123L, null),
            OrderedAudio.end("s", 9, 9600, 16_000, 456L, "de"))) {
      assertEquals(value, roundTrip(OrderedAudio.class, value));
    }
  }

  @Test
  void pcmChunkIsAPojoAndRoundTrips() throws Exception {
    PcmChunk chunk = TestStreams.stream("s", 3, true).get(2);
    assertEquals(chunk, roundTrip(PcmChunk.class, chunk));
  }

  @Test
  void decodedAudioIsAPojoAndRoundTripsBothShapes() throws Exception {
    PcmChunk chunk = TestStreams.stream("s", 1, false).get(0);
    DecodedAudio accepted = DecodedAudio.accepted("t", 2, 99, new byte[] {'s'}, chunk);
    DecodedAudio rejected =
        DecodedAudio.rejected(
            "t", 0, 5, null, new byte[] {1, 2, 3}, null, RejectReason.DECODE_FAILED, "garbled");
    assertEquals(accepted, roundTrip(DecodedAudio.class, accepted));
    assertEquals(rejected, roundTrip(DecodedAudio.class, rejected));
  }

  @Test
  void streamCursorIsAPojoAndRoundTrips() throws Exception {
    StreamCursor cursor = new StreamCursor();
    cursor.nextSeq = 12;
    cursor.pendingCount = 3;
    cursor.languageHint = "fr";
    cursor.recordGivenUp(4, 6);
    StreamCursor copy = roundTrip(StreamCursor.class, cursor);
    assertEquals(12, copy.nextSeq);
    assertEquals(3, copy.pendingCount);
    assertEquals("fr", copy.languageHint);
    assertEquals(true, copy.wasGivenUp(5));
    assertEquals(false, copy.wasGivenUp(6));
  }

  @Test
  void speechAudioIsAPojoAndRoundTrips() throws Exception {
    for (SpeechAudio value :
        List.of(
            SpeechAudio.start("s", 100, 16_000, 7L, null),
            SpeechAudio.audio("s", 100, 100, 16_000, new short[] {1, -2, 3}, 7L, "en"),
            SpeechAudio.endSegment("s", 100, 103, 16_000, 7L, "en"),
            SpeechAudio.endStream("s", 200, 16_000, 7L, "en"))) {
      assertEquals(value, roundTrip(SpeechAudio.class, value));
    }
  }

  @Test
  void recognitionIsAPojoAndRoundTrips() throws Exception {
    Recognition value =
        new Recognition(
            "s",
            Recognition.Kind.FINAL,
            "hello world",
            new RecognizedWord[] {
              new RecognizedWord("hello", 10, 300, 1f), new RecognizedWord("world", 310, 700, 0.5f)
            },
            0,
            800,
            42L,
            "vosk:x",
            "en",
            2);
    assertEquals(value, roundTrip(Recognition.class, value));
    Recognition end = Recognition.endStream("s", 900, 42L, "vosk:x", "en");
    assertEquals(end, roundTrip(Recognition.class, end));
  }

  @Test
  void stateOfTheRecognitionStagesIsPojo() throws Exception {
    DetectorState detector =
        new DetectorState(new byte[] {1, 2}, 10, new short[] {5, 6}, 40, true, 8, 12);
    assertEquals(detector, roundTrip(DetectorState.class, detector));
    OpenSegment segment = new OpenSegment(16_000, 16_000, null, true, 3200);
    assertEquals(segment, roundTrip(OpenSegment.class, segment));
    CueCursor cursor = new CueCursor(4, 3, 2, 1500);
    assertEquals(cursor, roundTrip(CueCursor.class, cursor));
  }

  private static <T> T roundTrip(Class<T> type, T value) throws Exception {
    TypeInformation<T> info = TypeInformation.of(type);
    assertInstanceOf(PojoTypeInfo.class, info, type + " must be a POJO type");
    TypeSerializer<T> serializer = info.createSerializer(NO_KRYO);
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
