package io.livesubs.schemas.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Snapshot of an {@link AvroSpecificTypeSerializer}: the class name and the Avro schema its state
 * was written with. On restore, the same schema is compatible as is; an older schema that the
 * current class can read (Avro schema resolution) is compatible after migration; anything else is
 * incompatible. Not thread-safe; Flink uses each snapshot from one thread.
 *
 * @param <T> the generated Avro class
 */
public final class AvroSpecificSerializerSnapshot<T extends SpecificRecord>
    implements TypeSerializerSnapshot<T> {

  private static final int VERSION = 1;

  private Class<T> type;
  private Schema schema;

  /** For Flink's reflective instantiation before {@link #readSnapshot}. */
  public AvroSpecificSerializerSnapshot() {}

  AvroSpecificSerializerSnapshot(Class<T> type, Schema schema) {
    this.type = type;
    this.schema = schema;
  }

  @Override
  public int getCurrentVersion() {
    return VERSION;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(type.getName());
    byte[] json = schema.toString().getBytes(StandardCharsets.UTF_8);
    out.writeInt(json.length);
    out.write(json);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
      throws IOException {
    if (readVersion != VERSION) {
      throw new IOException("unknown AvroSpecificSerializerSnapshot version " + readVersion);
    }
    String className = in.readUTF();
    byte[] json = new byte[in.readInt()];
    in.readFully(json);
    try {
      type = (Class<T>) Class.forName(className, false, classLoader);
    } catch (ClassNotFoundException e) {
      throw new IOException("Avro class " + className + " of the restored state is missing", e);
    }
    schema = new Schema.Parser().parse(new String(json, StandardCharsets.UTF_8));
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return new AvroSpecificTypeSerializer<>(type, schema);
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSnapshot) {
    if (!(oldSnapshot instanceof AvroSpecificSerializerSnapshot<T> old)
        || !old.type.getName().equals(type.getName())) {
      return TypeSerializerSchemaCompatibility.incompatible();
    }
    Schema current = SpecificData.getForClass(type).getSchema(type);
    if (old.schema.equals(current)) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
    return SchemaCompatibility.checkReaderWriterCompatibility(current, old.schema).getType()
            == SchemaCompatibilityType.COMPATIBLE
        ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
        : TypeSerializerSchemaCompatibility.incompatible();
  }
}
