package io.livesubs.app.delivery;

import static io.livesubs.app.delivery.DeliveryStack.awaitBody;
import static io.livesubs.app.delivery.DeliveryStack.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.sink.SubtitleService;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subtitle service against a real in-process broker and schema registry: cues produced to
 * {@code livesubs.cues} come out over HTTP; a fresh instance rebuilt from the changelogs serves the
 * same documents; an instance killed mid-stream and restarted serves what an uninterrupted one
 * does; two instances answer for each other's streams.
 */
class SubtitleServiceITCase {

  private static DeliveryStack stack;

  @BeforeAll
  static void startStack() throws Exception {
    stack = DeliveryStack.start();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  private static SubtitleCue cue(
      String stream, long seq, int rev, boolean fin, long start, long end, String text) {
    return DeliveryStack.cue(stream, "en", seq, rev, fin, start, end, text);
  }

  /** Cues {@code from} to {@code to - 1} of a stream: partial, final, redelivered partial. */
  private static List<SubtitleCue> talk(String stream, int from, int to) {
    List<SubtitleCue> cues = new ArrayList<>();
    for (int i = from; i < to; i++) {
      long start = i * 4000L;
      cues.add(cue(stream, i, 0, false, start, start + 1000, stream + " partial " + i));
      cues.add(cue(stream, i, 1, true, start, start + 3000, stream + " line " + i));
      // At-least-once redelivery of the partial after its final.
      cues.add(cue(stream, i, 0, false, start, start + 1000, stream + " partial " + i));
    }
    return cues;
  }

  private static List<SubtitleCue> talk(String stream) {
    List<SubtitleCue> cues = talk(stream, 0, 5);
    cues.add(CueConventions.endOfStream(stream, "en", 20_000, 0));
    return cues;
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
    try (SubtitleService first = stack.service("subs-it-restart", dir.resolve("a"))) {
      stack.produce(talk("talk"));
      awaitBody(first.url(), "/streams/talk/en/playlist.m3u8", "#EXT-X-ENDLIST");
      String vtt = awaitBody(first.url(), "/streams/talk/en.vtt", "talk line 4");
      assertTrue(!vtt.contains("partial"), vtt);
      for (String path : paths) {
        before.add(get(first.url(), path).body());
      }
    }
    // A new state directory: everything must come back from the changelog topics.
    try (SubtitleService second = stack.service("subs-it-restart", dir.resolve("b"))) {
      awaitBody(second.url(), "/streams/talk/en.vtt", "talk line 4");
      for (int i = 0; i < paths.size(); i++) {
        assertEquals(before.get(i), get(second.url(), paths.get(i)).body(), paths.get(i));
      }
    }
  }

  @Test
  void instanceKilledMidStreamAndRestartedServesWhatAnUninterruptedOneDoes(@TempDir Path dir)
      throws Exception {
    String stream = "killed";
    List<SubtitleCue> firstHalf = talk(stream, 0, 12);
    List<SubtitleCue> secondHalf = talk(stream, 12, 25);
    secondHalf.add(CueConventions.endOfStream(stream, "en", 100_000, 0));
    Path stateDir = dir.resolve("killed");
    List<String> options =
        List.of(
            "--bootstrap-servers=" + stack.bootstrapServers(),
            "--schema-registry-url=" + stack.registryUrl(),
            "--application-id=subs-it-killed",
            "--state-dir=" + stateDir,
            "--bind-address=127.0.0.1",
            "--http-port=0");
    try (SubtitleService reference = stack.service("subs-it-uninterrupted", dir.resolve("ref"))) {
      try (ServiceProcess doomed = ServiceProcess.start(options, DeliveryStack.DEADLINE)) {
        stack.produce(firstHalf);
        awaitBody(doomed.url(), "/streams/killed/en.vtt", "killed line 11");
        // SIGKILL: no commit, no store flush, no leaving the group.
        doomed.kill();
      }
      stack.produce(secondHalf);
      try (SubtitleService restarted = stack.service("subs-it-killed", stateDir)) {
        // The end of stream is the stream's last record: with ENDLIST, all of it was read.
        awaitBody(reference.url(), "/streams/killed/en/playlist.m3u8", "#EXT-X-ENDLIST");
        awaitBody(restarted.url(), "/streams/killed/en/playlist.m3u8", "#EXT-X-ENDLIST");
        for (String path :
            List.of(
                "/streams/killed/en.vtt",
                "/streams/killed/en.srt",
                "/streams/killed/en/playlist.m3u8")) {
          assertEquals(get(reference.url(), path).body(), get(restarted.url(), path).body(), path);
        }
        String vtt = get(restarted.url(), "/streams/killed/en.vtt").body();
        for (int i = 0; i < 25; i++) {
          assertTrue(vtt.contains("killed line " + i + "\n"), "line " + i + " in " + vtt);
        }
      }
    }
  }

  @Test
  void twoInstancesAnswerForEachOthersStreams(@TempDir Path dir) throws Exception {
    try (SubtitleService one = stack.service("subs-it-pair", dir.resolve("one"));
        SubtitleService two = stack.service("subs-it-pair", dir.resolve("two"))) {
      List<String> streams = List.of("pair-a", "pair-b", "pair-c", "pair-d", "pair-e", "pair-f");
      List<SubtitleCue> cues = new ArrayList<>();
      streams.forEach(s -> cues.addAll(talk(s)));
      stack.produce(cues);
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
