package io.livesubs.jobs.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.captions.CueShaper;
import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.captions.ShapingViolations;
import io.livesubs.jobs.testing.KeyedHarness;
import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.flink.AvroSpecificTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TranslatedCueEmitterTest {

  private static final ShapingRules RULES = ShapingRules.defaults();

  /** Spanish translations of three source phrases of stream s, with the source spans. */
  private static List<TranslatedPhrase> spanish() {
    return List.of(
        phrase("es", "buenos días a todos y bienvenidos al programa de esta noche", 200, 3600, 0),
        phrase(
            "es",
            "hoy hablamos con tres invitados sobre el futuro de las ciudades, el transporte"
                + " público y la vivienda asequible para las familias jóvenes",
            4100,
            11_800,
            3),
        phrase("es", "gracias", 12_500, 13_100, 7));
  }

  private static TranslatedPhrase phrase(
      String lang, String text, long start, long end, long firstSeq) {
    return new TranslatedPhrase(
        "s",
        false,
        "en",
        lang,
        text,
        start,
        end,
        firstSeq,
        0,
        SourceCues.ANCHOR + end,
        "test:en-" + lang);
  }

  private static TranslatedPhrase preview(String text, long start, long end) {
    return new TranslatedPhrase(
        "s",
        false,
        "en",
        "es",
        text,
        start,
        end,
        -1,
        0,
        SourceCues.ANCHOR + end,
        "test:en-es",
        true);
  }

  private static TranslatedPhrase endOf(String lang, long endMs) {
    return new TranslatedPhrase(
        "s", true, "en", lang, "", endMs, endMs, -1, 0, SourceCues.ANCHOR + endMs, "");
  }

  private static List<SubtitleCue> run(List<TranslatedPhrase> in) throws Exception {
    try (KeyedHarness<TranslatedPhrase, SubtitleCue> h =
        KeyedHarness.open(
            new TranslatedCueEmitter(RULES),
            TranslatedPhrase::timelineKey,
            new AvroSpecificTypeInfo<>(SubtitleCue.class),
            null)) {
      h.sendAll(in);
      assertEquals(0, h.stateEntries(), "end markers clear every timeline's state");
      return h.output();
    }
  }

  @Test
  void translatedCuesFollowTheRulesAndStayInsideTheirSourcePhrase() throws Exception {
    List<TranslatedPhrase> phrases = new ArrayList<>(spanish());
    phrases.add(endOf("es", 14_000));
    List<SubtitleCue> out = run(phrases);
    List<SubtitleCue> cues = out.stream().filter(c -> !CueConventions.isMarker(c)).toList();

    // Re-shape each phrase with the context the emitter had, and check it against the rules.
    CueShaper shaper = new CueShaper(RULES);
    TimelineCursor cursor = TimelineCursor.initial();
    int k = 0;
    for (TranslatedPhrase p : spanish()) {
      List<ShapedCue> shaped = TranslatedCueEmitter.shape(shaper, p, cursor);
      assertTrue(!shaped.isEmpty());
      assertEquals(
          List.of(),
          ShapingViolations.checkSequence(
              shaped, RULES, TranslatedCueEmitter.context(p, cursor, RULES)));
      List<String> words = new ArrayList<>();
      for (ShapedCue s : shaped) {
        SubtitleCue c = cues.get(k++);
        assertEquals(s.startMs(), c.getStartMs());
        assertEquals(s.endMs(), c.getEndMs());
        assertEquals(s.lines(), c.getLines());
        assertTrue(
            c.getStartMs() >= p.startMs() && c.getEndMs() <= p.endMs(),
            "cue " + c.getCueSeq() + " outside its source span " + p.startMs() + ".." + p.endMs());
        assertEquals(p.firstCueSeq(), c.getSourceCue().getCueSeq());
        assertEquals("en", c.getSourceCue().getLanguage());
        words.addAll(List.of(String.join(" ", c.getLines()).split(" ")));
      }
      assertEquals(List.of(p.text().split(" ")), words, "every word shown once, in order");
      cursor =
          new TimelineCursor(
              cursor.nextCueSeq() + shaped.size(), shaped.get(shaped.size() - 1).endMs());
    }
    assertEquals(k, cues.size());
    for (int i = 0; i < cues.size(); i++) {
      SubtitleCue c = cues.get(i);
      assertEquals(i, c.getCueSeq(), "cue numbers 0, 1, 2, … per language");
      assertEquals("es", c.getLanguage());
      assertEquals(0, c.getRevision());
      assertTrue(c.getIsFinal());
      assertEquals("test:en-es", c.getEngine());
    }
    SubtitleCue last = out.get(out.size() - 1);
    assertTrue(CueConventions.isEndOfStream(last));
    assertEquals("es", last.getLanguage());
    assertEquals(14_000, last.getEndMs());
  }

  @Test
  void eachLanguageHasItsOwnNumberingAndEndMarker() throws Exception {
    List<TranslatedPhrase> in =
        List.of(
            phrase("es", "hola a todos", 0, 1500, 0),
            phrase("fr", "bonjour à tous", 0, 1500, 0),
            phrase("fr", "merci beaucoup", 2000, 3500, 1),
            phrase("es", "muchas gracias", 2000, 3500, 1),
            endOf("es", 4000),
            endOf("fr", 4000));
    List<SubtitleCue> out = run(in);
    Map<String, List<Long>> seqs = new TreeMap<>();
    Map<String, Long> ends = new TreeMap<>();
    for (SubtitleCue c : out) {
      if (CueConventions.isEndOfStream(c)) {
        ends.merge(c.getLanguage(), 1L, Long::sum);
      } else if (!CueConventions.isMarker(c)) {
        seqs.computeIfAbsent(c.getLanguage(), l -> new ArrayList<>()).add(c.getCueSeq());
      }
    }
    assertEquals(Map.of("es", List.of(0L, 1L), "fr", List.of(0L, 1L)), seqs);
    assertEquals(Map.of("es", 1L, "fr", 1L), ends);
    assertEquals(
        List.of("es", "fr"),
        out.stream()
            .filter(CueConventions::isEndOfStream)
            .map(c -> c.getLanguage().toString())
            .sorted()
            .collect(Collectors.toList()));
  }

  @Test
  void previewsAreRevisionsOfTheNextCueThatTheFinalReplacesOrAWithdrawalEnds() throws Exception {
    List<SubtitleCue> out =
        run(
            List.of(
                preview("buenos", 0, 500),
                preview("buenos días", 0, 900),
                phrase("es", "buenos días a todos", 100, 1500, 0),
                preview("eh", 2000, 2200),
                preview("", 2300, 2300),
                phrase("es", "gracias", 2500, 3200, 3),
                preview("y", 3300, 3500),
                endOf("es", 4000)));
    List<String> seen = new ArrayList<>();
    for (SubtitleCue c : out) {
      if (CueConventions.isProgress(c)) {
        continue;
      }
      seen.add(
          CueConventions.isEndOfStream(c)
              ? "END"
              : c.getCueSeq()
                  + "/"
                  + c.getRevision()
                  + (c.getIsFinal() ? " F " : " P ")
                  + String.join("|", c.getLines()));
    }
    assertEquals(
        List.of(
            "0/0 P buenos",
            "0/1 P buenos días",
            "0/2 F buenos días a todos",
            "1/0 P eh",
            "1/1 F ",
            "2/0 F gracias",
            "3/0 P y",
            "3/1 F ",
            "END"),
        seen);
    SubtitleCue second = out.get(1);
    assertEquals(0, second.getStartMs());
    assertEquals(900, second.getEndMs());
  }
}
