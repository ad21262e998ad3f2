package io.livesubs.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code /config} and {@code /config/{subject}} endpoints. As in Confluent, GET answers {@code
 * {"compatibilityLevel": ...}} and PUT takes and answers {@code {"compatibility": ...}} (this
 * registry also accepts {@code compatibilityLevel} in the PUT body). Stateless; safe for concurrent
 * use.
 */
final class RegistryConfigRoutes {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryStore store;

  RegistryConfigRoutes(RegistryStore store) {
    this.store = store;
  }

  /** GET: the subject's level (or the global one for a null subject). */
  JsonNode get(String subject, boolean defaultToGlobal) throws SchemaRegistryException {
    CompatibilityLevel level = subject == null ? store.globalLevel() : store.subjectLevel(subject);
    if (level == null && defaultToGlobal) {
      level = store.globalLevel();
    }
    if (level == null) {
      throw new SchemaRegistryException(
          "Subject '" + subject + "' does not have subject-level compatibility configured",
          404,
          SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED);
    }
    return JSON.createObjectNode().put("compatibilityLevel", level.name());
  }

  /** PUT: sets the subject's level (or the global one for a null subject). */
  JsonNode put(String subject, JsonNode body) throws SchemaRegistryException {
    JsonNode value =
        body.has("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
    CompatibilityLevel level;
    try {
      level = CompatibilityLevel.parse(value == null || value.isNull() ? null : value.asText());
    } catch (IllegalArgumentException e) {
      throw new SchemaRegistryException(
          e.getMessage(), 422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL);
    }
    if (subject == null) {
      store.setGlobalLevel(level);
    } else {
      store.setSubjectLevel(subject, level);
    }
    ObjectNode answer = JSON.createObjectNode();
    return answer.put("compatibility", level.name());
  }
}
