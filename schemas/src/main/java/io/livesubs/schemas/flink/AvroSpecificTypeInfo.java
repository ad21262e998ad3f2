package io.livesubs.schemas.flink;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for a generated Avro class, serialized as Avro binary by {@link
 * AvroSpecificTypeSerializer}. Use it where Flink needs the type of Avro records (sources, state
 * descriptors, {@code returns(...)}): {@code TypeInformation.of(AudioChunk.class)} fails without
 * the flink-avro module, and Kryo would serialize Avro's internals. Immutable.
 *
 * @param <T> the generated Avro class
 */
public final class AvroSpecificTypeInfo<T extends SpecificRecord> extends TypeInformation<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> type;

  /** Type information for {@code type}. */
  public AvroSpecificTypeInfo(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return new AvroSpecificTypeSerializer<>(type);
  }

  @Override
  public String toString() {
    return "AvroSpecificTypeInfo<" + type.getName() + ">";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AvroSpecificTypeInfo<?> that
        && that.canEqual(this)
        && type.equals(that.type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof AvroSpecificTypeInfo;
  }
}
