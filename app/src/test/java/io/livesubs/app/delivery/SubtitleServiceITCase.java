package io.livesubs.app.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.stack.EmbeddedKafkaBroker;
import io.livesubs.app.stack.LivesubsTopics;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.Topics;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import io.livesubs.schemas.serde.AvroSerializer;
import io.livesubs.sink.SubtitleService;
import io.livesubs.sink.cue.CueConventions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subtitle service against a real in-process broker and schema registry: cues produced to
 * {@code livesubs.cues} come out over HTTP; a fresh instance rebuilt from the changelogs serves the
 * same documents; two instances answer for each other's streams.
 */
class SubtitleServiceITCase {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static EmbeddedKafkaBroker broker;
  private static DevSchemaRegistry registry;
  private static CachedSchemaRegistryClient client;

  @BeforeAll
  static void startStack() throws Exception {
    broker = EmbeddedKafkaBroker.start();
    registry = new DevSchemaRegistry().start();
    client = CachedSchemaRegistryClient.forUrl(registry.url());
    LivesubsTopics.ensure(broker.bootstrapServers(), LivesubsTopics.DEFAULT_PARTITIONS);
  }

  @AfterAll
  static void stopStack() {
    client.close();
    registry.close();
    broker.close();
  }

  private static SubtitleService service(String applicationId, Path stateDir) throws Exception {
    SubtitleService service =
        SubtitleService.builder()
            .bootstrapServers(broker.bootstrapServers())
            .registryUrl(registry.url())
            .applicationId(applicationId)
            .stateDir(stateDir)
            .bindAddress("127.0.0.1")
            .httpPort(0)
            .start();
    assertTrue(service.awaitRunning(DEADLINE), "Kafka Streams running: " + service.state());
    return service;
  }

  private static SubtitleCue cue(
      String stream, long seq, int rev, boolean fin, long start, long end, String text) {
    return SubtitleCue.newBuilder()
        .setStreamId(stream)
        .setLanguage("en")
        .setCueSeq(seq)
        .setRevision(rev)
        .setIsFinal(fin)
        .setStartMs(start)
        .setEndMs(end)
        .setLines(List.of(text))
        .setWords(List.of())
        .setSourceCue(null)
        .setEngine("it")
        .setCaptureTimeMs(end)
        .setEmittedAtMs(end)
        .build();
  }

  private static void produce(List<SubtitleCue> cues) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (KafkaProducer<String, SubtitleCue> producer =
        new KafkaProducer<>(
            props, new StringSerializer(), new AvroSerializer<>(client, SubtitleCue.class))) {
      for (SubtitleCue cue : cues) {
        producer.send(new ProducerRecord<>(Topics.CUES, cue.getStreamId().toString(), cue)).get();
      }
    }
  }

  private static List<SubtitleCue> talk(String stream) {
    List<SubtitleCue> cues = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long start = i * 4000L;
      cues.add(cue(stream, i, 0, false, start, start + 1000, stream + " partial " + i));
      cues.add(cue(stream, i, 1, true, start, start + 3000, stream + " line " + i));
      // At-least-once redelivery of the partial after its final.
      cues.add(cue(stream, i, 0, false, start, start + 1000, stream + " partial " + i));
    }
    cues.add(CueConventions.endOfStream(stream, "en", 20_000, 0));
    return cues;
  }

  private static HttpResponse<String> get(URI base, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GETs until the body contains {@code expected}, failing after the deadline. */
  private static String awaitBody(URI base, String path, String expected) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = get(base, path);
      if (last.statusCode() == 200 && last.body().contains(expected)) {
        return last.body();
      }
      LockSupport.parkNanos(100_000_000);
    }
    throw new AssertionError(
        path
            + " never contained '"
            + expected
            + "'; last: "
            + (last == null ? null : last.statusCode() + " " + last.body()));
  }

  @Test
  void freshInstanceRebuiltFromChangelogsServesTheSameDocuments(@TempDir Path dir)
      throws Exception {
    List<String> paths =
        List.of(
            "/streams/talk/en.vtt",
            "/streams/talk/en.srt",
            "/streams/talk/en/playlist.m3u8",
            "/streams/talk/en/1.vtt");
    List<String> before = new ArrayList<>();
    try (SubtitleService first = service("subs-it-restart", dir.resolve("a"))) {
      produce(talk("talk"));
      awaitBody(first.url(), "/streams/talk/en/playlist.m3u8", "#EXT-X-ENDLIST");
      String vtt = awaitBody(first.url(), "/streams/talk/en.vtt", "talk line 4");
      assertTrue(!vtt.contains("partial"), vtt);
      for (String path : paths) {
        before.add(get(first.url(), path).body());
      }
    }
    // A new state directory: everything must come back from the changelog topics.
    try (SubtitleService second = service("subs-it-restart", dir.resolve("b"))) {
      awaitBody(second.url(), "/streams/talk/en.vtt", "talk line 4");
      for (int i = 0; i < paths.size(); i++) {
        assertEquals(before.get(i), get(second.url(), paths.get(i)).body(), paths.get(i));
      }
    }
  }

  @Test
  void twoInstancesAnswerForEachOthersStreams(@TempDir Path dir) throws Exception {
    try (SubtitleService one = service("subs-it-pair", dir.resolve("one"));
        SubtitleService two = service("subs-it-pair", dir.resolve("two"))) {
      List<String> streams = List.of("pair-a", "pair-b", "pair-c", "pair-d", "pair-e", "pair-f");
      List<SubtitleCue> cues = new ArrayList<>();
      streams.forEach(s -> cues.addAll(talk(s)));
      produce(cues);
      for (String stream : streams) {
        String path = "/streams/" + stream + "/en.vtt";
        String fromOne = awaitBody(one.url(), path, stream + " line 4");
        String fromTwo = awaitBody(two.url(), path, stream + " line 4");
        assertEquals(fromOne, fromTwo, stream);
      }
      for (URI base : List.of(one.url(), two.url())) {
        String list = awaitBody(base, "/streams", "pair-f");
        for (String stream : streams) {
          assertTrue(list.contains("\"" + stream + "\""), base + " lists " + stream + ": " + list);
        }
      }
    }
  }
}
