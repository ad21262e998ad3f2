package io.livesubs.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the Confluent schema registry REST subset onto a {@link RegistryStore}: routing, request
 * parsing and the Confluent JSON shapes of answers and errors. Stateless apart from the store, so
 * it serves any number of exchanges concurrently.
 */
final class RegistryHttpHandler implements HttpHandler {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
  private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: HTTP status and JSON body. */
  private record Reply(int status, String json) {}

  private final RegistryStore store;
  private final RegistryConfigRoutes config;

  RegistryHttpHandler(RegistryStore store) {
    this.store = store;
    this.config = new RegistryConfigRoutes(store);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    try {
      reply = route(exchange);
    } catch (SchemaRegistryException e) {
      reply = error(e.httpStatus(), e.errorCode(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("schema registry request {} failed", exchange.getRequestURI(), e);
      reply = error(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
    byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(reply.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Reply route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    List<String> path = segments(exchange.getRequestURI().getRawPath());
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    int n = path.size();
    String first = n > 0 ? path.get(0) : "";
    if (n == 0 && method.equals("GET")) {
      return ok(JSON.createObjectNode());
    }
    if (first.equals("subjects")) {
      if (n == 1 && method.equals("GET")) {
        return ok(JSON.valueToTree(store.subjects()));
      }
      String subject = n > 1 ? path.get(1) : null;
      if (n == 2 && method.equals("POST")) {
        return ok(version(store.lookup(subject, schemaOf(exchange))));
      }
      if (n == 3 && path.get(2).equals("versions") && method.equals("GET")) {
        return ok(JSON.valueToTree(store.versions(subject)));
      }
      if (n == 3 && path.get(2).equals("versions") && method.equals("POST")) {
        return ok(JSON.createObjectNode().put("id", store.register(subject, schemaOf(exchange))));
      }
      if (n == 4 && path.get(2).equals("versions") && method.equals("GET")) {
        return ok(version(store.version(subject, path.get(3))));
      }
      if (n == 5
          && path.get(2).equals("versions")
          && path.get(4).equals("schema")
          && method.equals("GET")) {
        return new Reply(200, store.version(subject, path.get(3)).schema());
      }
    } else if (first.equals("schemas") && n >= 3 && path.get(1).equals("ids")) {
      String schema = store.schemaById(parseId(path.get(2)));
      if (n == 3 && method.equals("GET")) {
        return ok(JSON.createObjectNode().put("schema", schema));
      }
      if (n == 4 && path.get(3).equals("schema") && method.equals("GET")) {
        return new Reply(200, schema);
      }
    } else if (first.equals("compatibility")
        && n == 5
        && path.get(1).equals("subjects")
        && path.get(3).equals("versions")
        && method.equals("POST")) {
      List<String> problems =
          store.compatibilityProblems(path.get(2), path.get(4), schemaOf(exchange));
      ObjectNode answer = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
      if ("true".equals(query.get("verbose"))) {
        answer.set("messages", JSON.valueToTree(problems));
      }
      return ok(answer);
    } else if (first.equals("config") && n <= 2) {
      String subject = n == 2 ? path.get(1) : null;
      if (method.equals("GET")) {
        return ok(config.get(subject, "true".equals(query.get("defaultToGlobal"))));
      }
      if (method.equals("PUT")) {
        return ok(config.put(subject, body(exchange)));
      }
    }
    return error(404, 404, "HTTP 404 Not Found: " + method + " " + exchange.getRequestURI());
  }

  private static ObjectNode version(RegistryStore.Version v) {
    return JSON.createObjectNode()
        .put("subject", v.subject())
        .put("version", v.version())
        .put("id", v.id())
        .put("schema", v.schema());
  }

  /** Reads the request body's {@code schema} field and parses it as Avro. */
  private static Schema schemaOf(HttpExchange exchange) throws IOException {
    JsonNode body = body(exchange);
    JsonNode type = body.get("schemaType");
    if (type != null && !type.isNull() && !type.asText().equals("AVRO")) {
      throw invalidSchema("only AVRO schemas are supported, not " + type.asText());
    }
    JsonNode refs = body.get("references");
    if (refs != null && refs.isArray() && !refs.isEmpty()) {
      throw invalidSchema("schema references are not supported by the development registry");
    }
    JsonNode schema = body.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw invalidSchema("the request has no \"schema\" string");
    }
    try {
      return new Schema.Parser().parse(schema.asText());
    } catch (RuntimeException e) {
      // Avro reports bad schemas with several exception types (SchemaParseException, NPE, ...).
      throw invalidSchema(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  static JsonNode body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new SchemaRegistryException(
            "request body exceeds " + MAX_BODY_BYTES + " bytes", 413, 413);
      }
      try {
        JsonNode node = JSON.readTree(bytes);
        if (node == null || !node.isObject()) {
          throw new SchemaRegistryException("request body is not a JSON object", 400, 400);
        }
        return node;
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        throw new SchemaRegistryException(
            "request body is not valid JSON: " + e.getOriginalMessage(), 400, 400);
      }
    }
  }

  private static SchemaRegistryException invalidSchema(String why) {
    return new SchemaRegistryException(
        "Invalid schema: " + why, 422, SchemaRegistryException.INVALID_SCHEMA);
  }

  private static int parseId(String text) throws SchemaRegistryException {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(
          "Schema " + text + " not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
  }

  private static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String part : rawPath.split("/")) {
      if (!part.isEmpty()) {
        out.add(decode(part));
      }
    }
    return out;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return out;
  }

  private static String decode(String part) {
    // '+' is literal in a path segment; URLDecoder would turn it into a space.
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static Reply ok(JsonNode json) {
    return new Reply(200, json.toString());
  }

  private static Reply error(int status, int code, String message) {
    return new Reply(
        status, JSON.createObjectNode().put("error_code", code).put("message", message).toString());
  }
}
