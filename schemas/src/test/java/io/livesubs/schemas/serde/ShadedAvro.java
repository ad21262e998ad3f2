package io.livesubs.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericEnumSymbol;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;

/**
 * Bridges our Avro objects and those of the Avro copy relocated inside
 * flink-sql-avro-confluent-registry (the genuine Confluent client's classpath), field by field,
 * without going through either side's binary encoding.
 */
final class ShadedAvro {

  private ShadedAvro() {}

  /** The relocated Avro's parse of our schema's JSON. */
  static Schema schema(org.apache.avro.Schema ours) {
    return new Schema.Parser().parse(ours.toString());
  }

  /** A relocated generic datum of {@code schema} holding the same data as {@code ours}. */
  static Object toShaded(Object ours, Schema schema) {
    switch (schema.getType()) {
      case UNION:
        if (ours == null) {
          return null;
        }
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            return toShaded(ours, branch);
          }
        }
        throw new IllegalArgumentException("union without a non-null branch: " + schema);
      case RECORD:
        IndexedRecord record = (IndexedRecord) ours;
        GenericData.Record shaded = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
          int pos = record.getSchema().getField(field.name()).pos();
          shaded.put(field.name(), toShaded(record.get(pos), field.schema()));
        }
        return shaded;
      case ARRAY:
        List<Object> items = new ArrayList<>();
        for (Object item : (List<?>) ours) {
          items.add(toShaded(item, schema.getElementType()));
        }
        return items;
      case ENUM:
        return new GenericData.EnumSymbol(schema, ((Enum<?>) ours).name());
      case STRING:
        return ours.toString();
      case BYTES:
        return ByteBuffer.wrap(bytes((ByteBuffer) ours));
      default:
        return ours;
    }
  }

  /** Asserts that a relocated generic datum holds the same data as ours, field by field. */
  static void assertSameData(Object ours, Object theirs, String path) {
    if (ours == null) {
      assertNull(theirs, path);
    } else if (ours instanceof IndexedRecord record) {
      GenericRecord other = assertInstanceOf(GenericRecord.class, theirs, path);
      assertEquals(record.getSchema().getFullName(), other.getSchema().getFullName(), path);
      assertEquals(
          record.getSchema().getFields().size(), other.getSchema().getFields().size(), path);
      for (org.apache.avro.Schema.Field field : record.getSchema().getFields()) {
        assertSameData(record.get(field.pos()), other.get(field.name()), path + "." + field.name());
      }
    } else if (ours instanceof CharSequence text) {
      assertEquals(
          text.toString(), assertInstanceOf(CharSequence.class, theirs, path).toString(), path);
    } else if (ours instanceof ByteBuffer buffer) {
      assertArrayEquals(
          bytes(buffer), bytes(assertInstanceOf(ByteBuffer.class, theirs, path)), path);
    } else if (ours instanceof Enum<?> symbol) {
      assertEquals(
          symbol.name(), assertInstanceOf(GenericEnumSymbol.class, theirs, path).toString(), path);
    } else if (ours instanceof List<?> list) {
      List<?> other = assertInstanceOf(List.class, theirs, path);
      assertEquals(list.size(), other.size(), path);
      for (int i = 0; i < list.size(); i++) {
        assertSameData(list.get(i), other.get(i), path + "[" + i + "]");
      }
    } else {
      assertEquals(ours, theirs, path);
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
