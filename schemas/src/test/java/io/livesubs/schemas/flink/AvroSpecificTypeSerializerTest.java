package io.livesubs.schemas.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.SampleRecords;
import java.io.ByteArrayOutputStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSpecificTypeSerializerTest {

  static Stream<SpecificRecord> records() {
    return SampleRecords.all().stream();
  }

  @ParameterizedTest
  @MethodSource("records")
  <T extends SpecificRecord> void serializesCopiesAndCopiesBytes(T record) throws Exception {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) record.getClass();
    TypeSerializer<T> serializer =
        new AvroSpecificTypeInfo<>(type).createSerializer(new SerializerConfigImpl());

    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(record, out);
    serializer.serialize(record, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    assertEquals(record, serializer.deserialize(in));
    // DataOutputSerializer only grows on write(byte[]), not on write(DataInputView, int)
    DataOutputSerializer copied = new DataOutputSerializer(8192);
    serializer.copy(in, copied);
    assertEquals(0, in.available());
    assertEquals(
        record, serializer.deserialize(new DataInputDeserializer(copied.getCopyOfBuffer())));

    T copy = serializer.copy(record);
    assertEquals(record, copy);
    assertNotSame(record, copy);
    assertEquals(serializer, serializer.duplicate());
    assertEquals(type, serializer.createInstance().getClass());
  }

  @Test
  void snapshotOfTheSameSchemaIsCompatibleAsIs() throws Exception {
    TypeSerializer<AudioChunk> serializer = new AvroSpecificTypeSerializer<>(AudioChunk.class);
    TypeSerializerSnapshot<AudioChunk> restored = roundTrip(serializer.snapshotConfiguration());
    TypeSerializerSchemaCompatibility<AudioChunk> compatibility =
        serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);
    assertTrue(compatibility.isCompatibleAsIs());
    assertEquals(serializer, restored.restoreSerializer());
  }

  @Test
  void stateWrittenWithAnOlderSchemaIsMigratedThroughAvroResolution() throws Exception {
    // the state was written before AudioChunk had its languageHint field
    Schema older = withoutField(AudioChunk.getClassSchema(), "languageHint");
    AudioChunk expected = SampleRecords.audioChunk();
    expected.setLanguageHint(null);
    GenericRecord oldRecord = new GenericData.Record(older);
    for (Schema.Field field : older.getFields()) {
      Object value = expected.get(field.name());
      oldRecord.put(
          field.name(),
          value instanceof Enum<?> e
              ? new GenericData.EnumSymbol(field.schema(), e.name())
              : value);
    }
    TypeSerializerSnapshot<AudioChunk> oldSnapshot =
        roundTrip(new AvroSpecificSerializerSnapshot<>(AudioChunk.class, older));

    TypeSerializerSchemaCompatibility<AudioChunk> compatibility =
        new AvroSpecificTypeSerializer<>(AudioChunk.class)
            .snapshotConfiguration()
            .resolveSchemaCompatibility(oldSnapshot);
    assertTrue(compatibility.isCompatibleAfterMigration());

    TypeSerializer<AudioChunk> reader = oldSnapshot.restoreSerializer();
    DataOutputSerializer out = new DataOutputSerializer(64);
    byte[] avro = encode(older, oldRecord);
    out.writeInt(avro.length);
    out.write(avro);
    assertEquals(expected, reader.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));
    assertThrows(
        IllegalStateException.class,
        () -> reader.serialize(expected, new DataOutputSerializer(16)));
  }

  @Test
  void unreadableOlderSchemaIsIncompatible() throws Exception {
    Schema older =
        SchemaBuilder.record("AudioChunk")
            .namespace("io.livesubs.schemas")
            .fields()
            .requiredString("seq")
            .endRecord();
    TypeSerializerSnapshot<AudioChunk> oldSnapshot =
        roundTrip(new AvroSpecificSerializerSnapshot<>(AudioChunk.class, older));
    assertTrue(
        new AvroSpecificTypeSerializer<>(AudioChunk.class)
            .snapshotConfiguration()
            .resolveSchemaCompatibility(oldSnapshot)
            .isIncompatible());
  }

  private static <T> TypeSerializerSnapshot<T> roundTrip(TypeSerializerSnapshot<T> snapshot)
      throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    return TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()),
        AvroSpecificTypeSerializerTest.class.getClassLoader());
  }

  private static Schema withoutField(Schema schema, String name) {
    var fields =
        schema.getFields().stream()
            .filter(f -> !f.name().equals(name))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static byte[] encode(Schema schema, GenericRecord record) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }
}
