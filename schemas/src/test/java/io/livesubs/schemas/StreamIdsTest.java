package io.livesubs.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "Z", "0", "stream-1", "a.b_c-d", "live.2024-11-22", "x.y"})
  void acceptsValidIds(String id) {
    assertTrue(StreamIds.isValid(id));
    assertEquals(id, StreamIds.validate(id));
  }

  @Test
  void acceptsSixtyFourCharacters() {
    String id = "a".repeat(64);
    assertTrue(StreamIds.isValid(id));
    assertEquals(id, StreamIds.validate(id));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x", "a/b", "a\\b", "..", "a..b", ".hidden", "-x", "_x", "a b", " a", "a\n", "é", "a:b"
      })
  void rejectsInvalidIdsNamingTheId(String id) {
    assertFalse(StreamIds.isValid(id));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StreamIds.validate(id));
    assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
  }

  @Test
  void rejectsSixtyFiveCharactersSayingHowLong() {
    String id = "a".repeat(65);
    assertFalse(StreamIds.isValid(id));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StreamIds.validate(id));
    assertTrue(e.getMessage().contains("65"), e.getMessage());
  }

  @Test
  void rejectsEmptyAndNull() {
    assertFalse(StreamIds.isValid(""));
    assertFalse(StreamIds.isValid(null));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> StreamIds.validate(""))
            .getMessage()
            .contains("empty"));
    assertThrows(IllegalArgumentException.class, () -> StreamIds.validate(null));
  }
}
