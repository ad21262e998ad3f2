package io.livesubs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.livesubs.jobs.ordering.OrderedAudio;
import io.livesubs.jobs.ordering.StreamCursor;
import io.livesubs.jobs.source.DecodedAudio;
import io.livesubs.jobs.source.PcmChunk;
import io.livesubs.jobs.source.RejectReason;
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

  private static <T> T roundTrip(Class<T> type, T value) throws Exception {
    TypeInformation<T> info = TypeInformation.of(type);
    assertInstanceOf(PojoTypeInfo.class, info, type + " must be a POJO type");
    TypeSerializer<T> serializer = info.createSerializer(NO_KRYO);
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
