package io.livesubs.schemas.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a registry's HTTP answer into JSON, or into a {@link SchemaRegistryException} carrying the
 * Confluent {@code error_code} and {@code message}. Stateless and thread-safe.
 */
final class RegistryResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryResponses() {}

  static JsonNode parse(String baseUrl, String request, int status, String body)
      throws SchemaRegistryException {
    JsonNode json;
    try {
      json = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (JacksonException e) {
      json = null;
    }
    if (status >= 200 && status < 300) {
      if (json == null) {
        throw new SchemaRegistryException(
            "schema registry at "
                + baseUrl
                + " answered "
                + request
                + " with no JSON: "
                + abbreviate(body),
            status,
            0);
      }
      return json;
    }
    int code = status;
    String message = abbreviate(body);
    if (json != null && json.has("error_code")) {
      code = json.get("error_code").asInt(status);
      message = json.path("message").asText(message);
    }
    throw new SchemaRegistryException(
        "schema registry at "
            + baseUrl
            + " rejected "
            + request
            + ": "
            + message
            + " (HTTP "
            + status
            + ", error code "
            + code
            + ")",
        status,
        code);
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() <= 200 ? body : body.substring(0, 200) + "...";
  }
}
