package io.livesubs.jobs.cues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitSettingsTest {

  @Test
  void agreementIsTheDefaultAndOptionsOverrideIt() {
    assertEquals(CommitPolicy.AGREEMENT, CommitSettings.defaults().policy());
    CommitSettings s =
        CommitSettings.defaults()
            .withOptions(
                Map.of(
                    "asr.commit-policy", " Segment ",
                    "asr.commit-min-words", "5",
                    "asr.commit-pause-ms", "450",
                    "asr.commit-tolerance-ms", "10",
                    "asr.commit-fill-percent", "0",
                    "asr.commit-settle-ms", "900",
                    "asr.partials", "true"));
    assertEquals(new CommitSettings(CommitPolicy.SEGMENT, 5, 450, 10, 0, 900), s);
    assertEquals(700, CommitSettings.defaults().settleMs());
  }

  @Test
  void badValuesNameWhatWasWrong() {
    IllegalArgumentException policy =
        assertThrows(
            IllegalArgumentException.class,
            () -> CommitSettings.defaults().withOptions(Map.of("asr.commit-policy", "eager")));
    assertTrue(policy.getMessage().contains("eager"), policy.getMessage());
    assertTrue(policy.getMessage().contains("agreement"), policy.getMessage());
    IllegalArgumentException words =
        assertThrows(
            IllegalArgumentException.class,
            () -> CommitSettings.defaults().withOptions(Map.of("asr.commit-min-words", "0")));
    assertTrue(words.getMessage().contains("minWords"), words.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> CommitSettings.defaults().withOptions(Map.of("asr.commit-pause-ms", "soon")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CommitSettings(CommitPolicy.AGREEMENT, 3, 300, 30, 101, 0));
    IllegalArgumentException settle =
        assertThrows(
            IllegalArgumentException.class,
            () -> CommitSettings.defaults().withOptions(Map.of("asr.commit-settle-ms", "-1")));
    assertTrue(settle.getMessage().contains("settleMs"), settle.getMessage());
  }
}
