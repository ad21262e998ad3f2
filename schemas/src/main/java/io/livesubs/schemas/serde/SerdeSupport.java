package io.livesubs.schemas.serde;

import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;

/** Reading the serde configuration map. Stateless helpers; thread-safe. */
final class SerdeSupport {

  private SerdeSupport() {}

  /** A client for the registry named by {@link SerdeConfig#SCHEMA_REGISTRY_URL}. */
  static SchemaRegistryClient clientFrom(Map<String, ?> configs) {
    Object url = configs.get(SerdeConfig.SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(
          SerdeConfig.SCHEMA_REGISTRY_URL
              + " is not set: the Avro serdes need the schema registry URL, e.g."
              + " http://localhost:8081");
    }
    try {
      return CachedSchemaRegistryClient.forUrl(url.toString());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL, url, e.getMessage());
    }
  }

  /** A boolean option given as Boolean or String, or {@code fallback} when absent. */
  static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(key, value, "expected true or false");
  }

  /** The generated Avro class named by {@link SerdeConfig#AVRO_TYPE}, or null when absent. */
  @SuppressWarnings("unchecked")
  static <T extends SpecificRecord> Class<T> typeFrom(Map<String, ?> configs) {
    Object value = configs.get(SerdeConfig.AVRO_TYPE);
    if (value == null) {
      return null;
    }
    Class<?> type;
    if (value instanceof Class<?> c) {
      type = c;
    } else {
      try {
        type = Class.forName(value.toString().trim(), true, classLoader());
      } catch (ClassNotFoundException e) {
        throw new ConfigException(SerdeConfig.AVRO_TYPE, value, "class not found");
      }
    }
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new ConfigException(
          SerdeConfig.AVRO_TYPE, value, "not a generated Avro class (SpecificRecord)");
    }
    return (Class<T>) type;
  }

  static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : SerdeSupport.class.getClassLoader();
  }
}
