package io.livesubs.schemas.flink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for a generated Avro class: each record is a 4-byte length followed by its Avro
 * binary encoding. The snapshot records the schema, so state written with an older schema of the
 * class is read back through Avro schema resolution after the class evolves.
 *
 * <p>A serializer restored from an older schema only reads (Flink migrates such state by reading
 * with it and writing with the current one). Not thread-safe, as Flink expects: {@link
 * #duplicate()} gives each thread its own.
 *
 * @param <T> the generated Avro class
 */
public final class AvroSpecificTypeSerializer<T extends SpecificRecord> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final String writerSchemaJson;
  private transient SpecificData model;
  private transient Schema schema;
  private transient Schema writerSchema;
  private transient SpecificDatumWriter<T> writer;
  private transient SpecificDatumReader<T> reader;
  private transient ByteArrayOutputStream buffer;
  private transient BinaryEncoder encoder;
  private transient BinaryDecoder decoder;

  /** A serializer for {@code type} with its current schema. */
  public AvroSpecificTypeSerializer(Class<T> type) {
    this(type, null);
  }

  /** A serializer reading data written with {@code writerSchema} (null: the class's schema). */
  AvroSpecificTypeSerializer(Class<T> type, Schema writerSchema) {
    this.type = Objects.requireNonNull(type, "type");
    boolean current =
        writerSchema == null || writerSchema.equals(SpecificData.getForClass(type).getSchema(type));
    this.writerSchemaJson = current ? null : writerSchema.toString();
  }

  private void init() {
    if (model == null) {
      model = SpecificData.getForClass(type);
      schema = model.getSchema(type);
      writerSchema =
          writerSchemaJson == null ? schema : new Schema.Parser().parse(writerSchemaJson);
      writer = new SpecificDatumWriter<>(schema, model);
      reader = new SpecificDatumReader<>(writerSchema, schema, model);
      buffer = new ByteArrayOutputStream(256);
    }
  }

  /** The schema of the data this serializer reads. */
  Schema writerSchema() {
    init();
    return writerSchema;
  }

  Class<T> type() {
    return type;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    init();
    return new AvroSpecificTypeSerializer<>(type, writerSchemaJson == null ? null : writerSchema);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T createInstance() {
    init();
    return (T) model.newRecord(null, schema);
  }

  @Override
  public T copy(T from) {
    init();
    return from == null ? null : model.deepCopy(schema, from);
  }

  @Override
  public T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    init();
    if (writerSchemaJson != null) {
      throw new IllegalStateException(
          "serializer restored for an older schema of " + type.getName() + " only reads");
    }
    buffer.reset();
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
    writer.write(record, encoder);
    encoder.flush();
    target.writeInt(buffer.size());
    buffer.writeTo(new DataOutputViewStream(target));
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    init();
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
    return reader.read(null, decoder);
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AvroSpecificTypeSerializer<?> that
        && type.equals(that.type)
        && Objects.equals(writerSchemaJson, that.writerSchemaJson);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, writerSchemaJson);
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    init();
    return new AvroSpecificSerializerSnapshot<>(type, writerSchema);
  }

  /** Adapts a Flink output view to the stream {@link ByteArrayOutputStream#writeTo} wants. */
  private static final class DataOutputViewStream extends java.io.OutputStream {
    private final DataOutputView target;

    DataOutputViewStream(DataOutputView target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
    }
  }
}
