package io.livesubs.sink.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

  @ParameterizedTest
  @CsvSource({
    "bytes=0-99, 0, 99",
    "bytes=10-, 10, 999",
    "bytes=990-5000, 990, 999",
    "bytes=-100, 900, 999",
    "bytes=-5000, 0, 999",
    "bytes=999-999, 999, 999"
  })
  void singleRangesAreClippedToTheResource(String header, long first, long last) {
    assertEquals(Optional.of(new ByteRange(first, last)), ByteRange.parse(header, 1000));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"items=0-10", "bytes=0-1,5-9", "bytes=9-3", "bytes=-", "bytes=a-b", "bytes 0-1"})
  void headersTheServerMayIgnoreAskForTheWholeResource(String header) {
    assertTrue(ByteRange.parse(header, 1000).isEmpty(), header);
  }

  @Test
  void absentHeaderAsksForTheWholeResource() {
    assertTrue(ByteRange.parse(null, 1000).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=1000-", "bytes=5000-6000", "bytes=-0"})
  void rangesOutsideTheResourceAre416(String header) {
    HttpError e = assertThrows(HttpError.class, () -> ByteRange.parse(header, 1000));
    assertEquals(416, e.status());
    assertTrue(e.getMessage().contains("1000 bytes"), e.getMessage());
  }

  @Test
  void nothingIsSatisfiableInAnEmptyResource() {
    assertEquals(416, assertThrows(HttpError.class, () -> ByteRange.parse("bytes=-1", 0)).status());
    assertEquals(416, assertThrows(HttpError.class, () -> ByteRange.parse("bytes=0-", 0)).status());
  }

  @Test
  void contentRangeNamesTheBytesAndTheSize() {
    ByteRange range = new ByteRange(10, 19);
    assertEquals(10, range.length());
    assertEquals("bytes 10-19/1000", range.contentRange(1000));
  }
}
