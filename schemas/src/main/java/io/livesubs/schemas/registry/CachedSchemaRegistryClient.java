package io.livesubs.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} for any Confluent-compatible registry (the {@link
 * DevSchemaRegistry} included), over {@link HttpClient}.
 *
 * <p>Schemas by id and ids by (subject, schema) are cached for the life of the client: both are
 * immutable in a registry, so a producer or consumer asks the registry once per schema. Latest
 * versions and compatibility answers change and are never cached. Connect and request timeouts (5 s
 * by default) bound every call: an unreachable registry fails with a {@link
 * SchemaRegistryException} naming its URL instead of hanging.
 *
 * <p>Thread-safe: one instance may be shared by any number of threads. The caller owns it; {@link
 * #close()} drops the caches, and later calls fail with {@link IllegalStateException}.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9,"
          + " application/json; qs=0.5";
  private static final ObjectMapper JSON = new ObjectMapper();

  private record SubjectSchema(String subject, Schema schema) {}

  private final String baseUrl;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private CachedSchemaRegistryClient(Builder builder) {
    requirePositive(builder.connectTimeout, "connect timeout");
    requirePositive(builder.requestTimeout, "request timeout");
    this.baseUrl = checkUrl(builder.url);
    this.requestTimeout = builder.requestTimeout;
    this.http =
        HttpClient.newBuilder()
            // plain HTTP/1.1: no h2c upgrade dance with registries behind simple servers/proxies
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(builder.connectTimeout)
            .build();
  }

  /** A client for the registry at {@code url} with default timeouts. */
  public static CachedSchemaRegistryClient forUrl(String url) {
    return builder(url).build();
  }

  /** A builder for a client of the registry at {@code url}, e.g. {@code http://localhost:8081}. */
  public static Builder builder(String url) {
    return new Builder(url);
  }

  /** The registry's base URL, without a trailing slash. */
  public String url() {
    return baseUrl;
  }

  @Override
  public int register(String subject, Schema schema) throws IOException {
    SubjectSchema key = new SubjectSchema(requireSubject(subject), schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer =
        send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = requiredInt(answer, "id");
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public int lookupId(String subject, Schema schema) throws IOException {
    SubjectSchema key = new SubjectSchema(requireSubject(subject), schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    int id = requiredInt(send("POST", "/subjects/" + encode(subject), schemaBody(schema)), "id");
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema getById(int id) throws IOException {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema schema = parse(send("GET", "/schemas/ids/" + id, null), "schema " + id);
    schemasById.putIfAbsent(id, schema);
    return schema;
  }

  @Override
  public RegisteredSchema getLatest(String subject) throws IOException {
    JsonNode answer =
        send("GET", "/subjects/" + encode(requireSubject(subject)) + "/versions/latest", null);
    int id = requiredInt(answer, "id");
    Schema schema = schemasById.get(id);
    if (schema == null) {
      schema = parse(answer, "subject " + subject);
      schemasById.putIfAbsent(id, schema);
    }
    return new RegisteredSchema(subject, requiredInt(answer, "version"), id, schema);
  }

  @Override
  public boolean testCompatibility(String subject, Schema schema) throws IOException {
    String path = "/compatibility/subjects/" + encode(requireSubject(subject)) + "/versions/latest";
    JsonNode answer = send("POST", path, schemaBody(schema));
    JsonNode compatible = answer.get("is_compatible");
    if (compatible == null || !compatible.isBoolean()) {
      throw malformed("no boolean \"is_compatible\" in " + answer);
    }
    return compatible.booleanValue();
  }

  /** Sets the compatibility level of {@code subject}, or the global one when it is null. */
  public void setCompatibility(String subject, CompatibilityLevel level) throws IOException {
    String body = JSON.createObjectNode().put("compatibility", level.name()).toString();
    send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body);
  }

  /** Drops the caches; idempotent. */
  @Override
  public void close() {
    closed = true;
    schemasById.clear();
    idsBySubjectSchema.clear();
  }

  private JsonNode send(String method, String path, String body) throws IOException {
    if (closed) {
      throw new IllegalStateException("schema registry client for " + baseUrl + " is closed");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(requestTimeout)
            .header("Accept", ACCEPT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while calling schema registry at " + baseUrl);
    } catch (IOException e) {
      throw new SchemaRegistryException("schema registry at " + baseUrl + " unreachable: " + e, e);
    }
    return RegistryResponses.parse(
        baseUrl, method + " " + path, response.statusCode(), response.body());
  }

  private Schema parse(JsonNode answer, String what) throws SchemaRegistryException {
    JsonNode type = answer.get("schemaType");
    if (type != null && !type.isNull() && !type.asText().equals("AVRO")) {
      throw malformed(what + " is a " + type.asText() + " schema, only AVRO is supported");
    }
    JsonNode text = answer.get("schema");
    if (text == null || !text.isTextual()) {
      throw malformed("no \"schema\" string for " + what);
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (RuntimeException e) {
      // Avro reports bad schemas with several exception types (SchemaParseException, NPE, ...).
      throw malformed(what + " is not a valid Avro schema: " + e);
    }
  }

  private int requiredInt(JsonNode answer, String field) throws SchemaRegistryException {
    JsonNode value = answer.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw malformed("no integer \"" + field + "\" in " + answer);
    }
    return value.intValue();
  }

  private SchemaRegistryException malformed(String why) {
    return new SchemaRegistryException(
        "unexpected answer from schema registry at " + baseUrl + ": " + why, 200, 0);
  }

  /**
   * Checks that {@code url} is one http(s) URL with a host and returns it without a trailing slash.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static String checkUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("schema registry URL is empty");
    }
    String trimmed = url.trim();
    if (trimmed.contains(",")) {
      throw new IllegalArgumentException(
          "schema registry URL '" + url + "' lists several URLs; give exactly one");
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "schema registry URL '" + url + "' is not an http(s) URL with a host");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "schema registry URL '" + url + "' is malformed: " + e.getMessage(), e);
    }
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  private static void requirePositive(Duration timeout, String what) {
    Objects.requireNonNull(timeout, what);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + timeout);
    }
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static String requireSubject(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject is empty");
    }
    return subject;
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Options for a {@link CachedSchemaRegistryClient}; checked in {@link #build()}. */
  public static final class Builder {
    private final String url;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(5);

    private Builder(String url) {
      this.url = url;
    }

    /** Longest wait for a TCP connection to the registry, default 5 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** Longest wait for the registry's answer to one request, default 5 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalArgumentException when the URL is not a single http(s) URL or a timeout is not
     *     positive
     */
    public CachedSchemaRegistryClient build() {
      return new CachedSchemaRegistryClient(this);
    }
  }
}
