package io.livesubs.schemas.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.StreamConfig;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.registry.RawRegistryHttp.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSchemaRegistryTest {

  private DevSchemaRegistry registry;
  private CachedSchemaRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    registry = new DevSchemaRegistry().start();
    client = CachedSchemaRegistryClient.forUrl(registry.url());
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void sameSchemaGetsSameIdAcrossSubjectsAndDifferentSchemasDifferentIds() throws Exception {
    int audio = client.register("livesubs.audio-value", AudioChunk.getClassSchema());
    int again = client.register("livesubs.audio-value", AudioChunk.getClassSchema());
    int elsewhere = client.register("other-value", AudioChunk.getClassSchema());
    int cue = client.register("livesubs.cues-value", SubtitleCue.getClassSchema());

    assertEquals(audio, again);
    assertEquals(audio, elsewhere);
    assertNotEquals(audio, cue);
    // re-registering did not create a second version
    assertEquals(1, client.getLatest("livesubs.audio-value").version());
    // a fresh client (no cache) sees the same ids
    try (CachedSchemaRegistryClient fresh = CachedSchemaRegistryClient.forUrl(registry.url())) {
      assertEquals(audio, fresh.register("livesubs.audio-value", AudioChunk.getClassSchema()));
      assertEquals(AudioChunk.getClassSchema(), fresh.getById(audio));
      assertEquals(SubtitleCue.getClassSchema(), fresh.getById(cue));
      assertEquals(cue, fresh.lookupId("livesubs.cues-value", SubtitleCue.getClassSchema()));
    }
  }

  @Test
  void latestVersionFollowsRegistrations() throws Exception {
    Schema v1 = record("Thing", false);
    Schema v2 = record("Thing", true);
    int id1 = client.register("things-value", v1);
    int id2 = client.register("things-value", v2);

    RegisteredSchema latest = client.getLatest("things-value");
    assertEquals(new RegisteredSchema("things-value", 2, id2, v2), latest);

    Answer versions =
        RawRegistryHttp.call("GET", registry.url() + "/subjects/things-value/versions", null);
    assertEquals("[1,2]", versions.json().toString());
    Answer first =
        RawRegistryHttp.call("GET", registry.url() + "/subjects/things-value/versions/1", null);
    assertEquals(id1, first.json().get("id").asInt());
    assertEquals(1, first.json().get("version").asInt());
    assertEquals("things-value", first.json().get("subject").asText());
    assertEquals(v1, new Schema.Parser().parse(first.json().get("schema").asText()));
    Answer raw =
        RawRegistryHttp.call(
            "GET", registry.url() + "/subjects/things-value/versions/latest/schema", null);
    assertEquals(v2, new Schema.Parser().parse(raw.json().toString()));
    Answer byId = RawRegistryHttp.call("GET", registry.url() + "/schemas/ids/" + id2, null);
    assertEquals(v2, new Schema.Parser().parse(byId.json().get("schema").asText()));
    Answer subjects = RawRegistryHttp.call("GET", registry.url() + "/subjects", null);
    assertEquals("[\"things-value\"]", subjects.json().toString());
  }

  @Test
  void backwardIsTheDefaultAndRejectsANewRequiredFieldWith409() throws Exception {
    Schema v1 = record("Thing", false);
    client.register("things-value", v1);
    Schema required =
        SchemaBuilder.record("Thing")
            .namespace("test")
            .fields()
            .requiredLong("id")
            .requiredString("mustHave")
            .endRecord();

    assertTrue(client.testCompatibility("things-value", record("Thing", true)));
    assertFalse(client.testCompatibility("things-value", required));
    SchemaRegistryException e =
        assertThrows(
            SchemaRegistryException.class, () -> client.register("things-value", required));
    assertEquals(409, e.httpStatus());
    assertEquals(SchemaRegistryException.INCOMPATIBLE_SCHEMA, e.errorCode());
    assertTrue(e.getMessage().contains("mustHave"), e.getMessage());
    assertEquals(1, client.getLatest("things-value").version());

    Answer config = RawRegistryHttp.call("GET", registry.url() + "/config", null);
    assertEquals("BACKWARD", config.json().get("compatibilityLevel").asText());
  }

  @Test
  void compatibilityLevelsCanBeChangedPerSubject() throws Exception {
    Schema v1 = record("Thing", false);
    client.register("things-value", v1);
    Schema renamedField =
        SchemaBuilder.record("Thing").namespace("test").fields().requiredInt("other").endRecord();

    Answer put =
        RawRegistryHttp.call(
            "PUT", registry.url() + "/config/things-value", "{\"compatibility\":\"NONE\"}");
    assertEquals(200, put.status());
    assertEquals("NONE", put.json().get("compatibility").asText());
    assertTrue(client.testCompatibility("things-value", renamedField));
    assertEquals(2, registerAndGetVersion("things-value", renamedField));
    // other subjects keep the global BACKWARD level
    client.register("others-value", v1);
    assertFalse(client.testCompatibility("others-value", renamedField));

    // FORWARD: the old schema must read the new one; adding a field without default is fine,
    // removing a field without default is not.
    client.setCompatibility("fwd-value", CompatibilityLevel.FORWARD);
    Schema small = SchemaBuilder.record("F").fields().requiredLong("a").endRecord();
    Schema bigger =
        SchemaBuilder.record("F").fields().requiredLong("a").requiredLong("b").endRecord();
    Schema smaller = SchemaBuilder.record("F").fields().requiredLong("b").endRecord();
    client.register("fwd-value", small);
    assertTrue(client.testCompatibility("fwd-value", bigger));
    client.register("fwd-value", bigger);
    assertFalse(client.testCompatibility("fwd-value", smaller));

    Answer subjectConfig = RawRegistryHttp.call("GET", registry.url() + "/config/fwd-value", null);
    assertEquals("FORWARD", subjectConfig.json().get("compatibilityLevel").asText());
    Answer bad =
        RawRegistryHttp.call("PUT", registry.url() + "/config", "{\"compatibility\":\"SIDEWAYS\"}");
    assertEquals(422, bad.status());
    assertEquals(42203, bad.json().get("error_code").asInt());
  }

  @Test
  void transitiveLevelChecksEveryEarlierVersion() throws Exception {
    Schema v1 = SchemaBuilder.record("T").fields().requiredLong("a").endRecord();
    Schema v2 = SchemaBuilder.record("T").fields().optionalLong("b").endRecord();
    Schema v3 = SchemaBuilder.record("T").fields().optionalLong("b").requiredLong("a").endRecord();
    client.setCompatibility("t-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
    client.register("t-value", v1);
    client.register("t-value", v2);
    // v3 reads v2 data? no: 'a' has no default and v2 lacks it; reads v1 data fine.
    assertFalse(client.testCompatibility("t-value", v3));
    client.setCompatibility("t-value", CompatibilityLevel.NONE);
    client.register(
        "t-value",
        SchemaBuilder.record("T").fields().requiredLong("a").optionalLong("d").endRecord());
    client.setCompatibility("t-value", CompatibilityLevel.BACKWARD);
    // against the latest version only: compatible; against all of them: v2 lacks 'a'
    Schema v5 = SchemaBuilder.record("T").fields().requiredLong("a").optionalLong("c").endRecord();
    assertTrue(client.testCompatibility("t-value", v5));
    client.setCompatibility("t-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertFalse(client.testCompatibility("t-value", v5));
  }

  @Test
  void errorsUseConfluentCodesAndShapes() throws Exception {
    client.register("things-value", record("Thing", false));
    String url = registry.url();

    Answer subject = RawRegistryHttp.call("GET", url + "/subjects/nope/versions/latest", null);
    assertError(subject, 404, 40401, "Subject 'nope' not found.");
    Answer version = RawRegistryHttp.call("GET", url + "/subjects/things-value/versions/7", null);
    assertError(version, 404, 40402, "Version 7 not found.");
    Answer schema = RawRegistryHttp.call("GET", url + "/schemas/ids/999", null);
    assertError(schema, 404, 40403, "Schema 999 not found");
    Answer invalid =
        RawRegistryHttp.call(
            "POST",
            url + "/subjects/things-value/versions",
            RawRegistryHttp.schemaBody("{\"type\":\"recrod\"}"));
    assertEquals(422, invalid.status());
    assertEquals(42201, invalid.json().get("error_code").asInt());
    Answer badVersion =
        RawRegistryHttp.call("GET", url + "/subjects/things-value/versions/zero", null);
    assertEquals(42202, badVersion.json().get("error_code").asInt());
    Answer notInSubject =
        RawRegistryHttp.call(
            "POST",
            url + "/subjects/things-value",
            RawRegistryHttp.schemaBody(record("Other", false).toString()));
    assertError(notInSubject, 404, 40403, "Schema not found");
    Answer compatMissingVersion =
        RawRegistryHttp.call(
            "POST",
            url + "/compatibility/subjects/things-value/versions/3",
            RawRegistryHttp.schemaBody(record("Thing", true).toString()));
    assertEquals(40402, compatMissingVersion.json().get("error_code").asInt());
    assertTrue(subject.contentType().startsWith("application/vnd.schemaregistry.v1+json"));

    SchemaRegistryException e =
        assertThrows(SchemaRegistryException.class, () -> client.getLatest("nope"));
    assertEquals(40401, e.errorCode());
    assertEquals(404, e.httpStatus());
    assertTrue(
        e.getMessage().contains(url) && e.getMessage().contains("Subject 'nope' not found."),
        e.getMessage());
  }

  @Test
  void statePersistsAcrossRestartWithADataDirectory(@TempDir Path dataDir) throws Exception {
    int audio;
    int cue;
    try (DevSchemaRegistry first = new DevSchemaRegistry(0, dataDir).start();
        CachedSchemaRegistryClient c = CachedSchemaRegistryClient.forUrl(first.url())) {
      audio = c.register("livesubs.audio-value", AudioChunk.getClassSchema());
      c.register("livesubs.streams-value", StreamConfig.getClassSchema());
      cue = c.register("livesubs.cues-value", SubtitleCue.getClassSchema());
      c.setCompatibility("livesubs.cues-value", CompatibilityLevel.FULL);
    }
    assertTrue(Files.exists(dataDir.resolve(RegistryStateFile.FILE_NAME)));

    try (DevSchemaRegistry second = DevSchemaRegistry.builder().dataDir(dataDir).build().start();
        CachedSchemaRegistryClient c = CachedSchemaRegistryClient.forUrl(second.url())) {
      assertEquals(AudioChunk.getClassSchema(), c.getById(audio));
      assertEquals(SubtitleCue.getClassSchema(), c.getById(cue));
      assertEquals(cue, c.getLatest("livesubs.cues-value").id());
      assertEquals(audio, c.register("livesubs.audio-value", AudioChunk.getClassSchema()));
      // new ids continue after the persisted ones instead of reusing them
      int dlq = c.register("livesubs.audio.dlq-value", DeadLetter.getClassSchema());
      assertTrue(dlq > Math.max(audio, cue), "new id " + dlq + " reuses an old one");
      Answer level =
          RawRegistryHttp.call("GET", second.url() + "/config/livesubs.cues-value", null);
      assertEquals("FULL", level.json().get("compatibilityLevel").asText());
      Answer subjects = RawRegistryHttp.call("GET", second.url() + "/subjects", null);
      assertEquals(4, subjects.json().size());
    }
  }

  @Test
  void withoutADataDirectoryARestartForgets() throws Exception {
    client.register("things-value", record("Thing", false));
    registry.close();
    registry = new DevSchemaRegistry().start();
    try (CachedSchemaRegistryClient c = CachedSchemaRegistryClient.forUrl(registry.url())) {
      assertEquals(
          40401,
          assertThrows(SchemaRegistryException.class, () -> c.getLatest("things-value"))
              .errorCode());
    }
  }

  @Test
  void closeIsIdempotentAndReleasesThePort() throws Exception {
    String url = registry.url();
    registry.close();
    registry.close();
    assertThrows(IllegalStateException.class, registry::url);
    assertThrows(IllegalStateException.class, registry::start);
    try (CachedSchemaRegistryClient c = CachedSchemaRegistryClient.forUrl(url)) {
      SchemaRegistryException e =
          assertThrows(SchemaRegistryException.class, () -> c.getLatest("x"));
      assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }
  }

  @Test
  void builderRejectsBadOptions() {
    assertThrows(
        IllegalArgumentException.class, () -> DevSchemaRegistry.builder().port(70000).build());
    assertThrows(
        IllegalArgumentException.class, () -> DevSchemaRegistry.builder().threads(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> DevSchemaRegistry.builder().host(" ").build());
  }

  private int registerAndGetVersion(String subject, Schema schema) throws Exception {
    int id = client.register(subject, schema);
    RegisteredSchema latest = client.getLatest(subject);
    assertEquals(id, latest.id());
    return latest.version();
  }

  private static Schema record(String name, boolean withOptionalField) {
    var fields = SchemaBuilder.record(name).namespace("test").fields().requiredLong("id");
    if (withOptionalField) {
      fields = fields.optionalString("note");
    }
    return fields.endRecord();
  }

  private static void assertError(Answer answer, int status, int code, String message) {
    assertEquals(status, answer.status(), answer.toString());
    assertEquals(code, answer.json().get("error_code").asInt(), answer.toString());
    assertEquals(message, answer.json().get("message").asText(), answer.toString());
    assertEquals(List.of("error_code", "message"), iterToList(answer));
  }

  private static List<String> iterToList(Answer answer) {
    List<String> names = new java.util.ArrayList<>();
    answer.json().fieldNames().forEachRemaining(names::add);
    return names;
  }
}
