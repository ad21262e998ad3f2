package io.livesubs.jobs.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The translation branch's records between operators and in state are POJOs, not Kryo. */
class TranslationTypesTest {

  @Test
  void messagesRoundTripAsPojos() throws Exception {
    StreamTargets targets = StreamTargets.of("s", "es", "fr");
    assertEquals(targets, roundTrip(StreamTargets.class, targets));
    TranslationRequest request =
        new TranslationRequest("s", false, "en", new String[] {"es"}, "hi", 10, 900, 3, 1, 77L);
    assertEquals(request, roundTrip(TranslationRequest.class, request));
    TranslatedPhrase phrase = TranslatedPhrase.of(request, "es", "hola", "apertium:en-es");
    assertEquals(phrase, roundTrip(TranslatedPhrase.class, phrase));
  }

  @Test
  void stateRoundTripsAsPojos() throws Exception {
    PhraseBuffer buffer = new PhraseBuffer("en", new String[] {"es", "de"}, "a b", 0, 50, 4, 2, 9L);
    PhraseBuffer copy = roundTrip(PhraseBuffer.class, buffer);
    assertArrayEquals(buffer.targets(), copy.targets());
    assertEquals(buffer.toRequest("s"), copy.toRequest("s"));
    TimelineCursor cursor = new TimelineCursor(5, 1200);
    assertEquals(cursor, roundTrip(TimelineCursor.class, cursor));
  }

  private static <T> T roundTrip(Class<T> type, T value) throws Exception {
    SerializerConfigImpl noKryo = new SerializerConfigImpl();
    noKryo.setGenericTypes(false); // a Kryo fallback fails loudly
    TypeInformation<T> info = TypeInformation.of(type);
    assertInstanceOf(PojoTypeInfo.class, info, type + " must be a POJO type");
    TypeSerializer<T> serializer = info.createSerializer(noKryo);
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
