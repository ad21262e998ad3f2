package io.livesubs.sink.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void formatsHoursMinutesSecondsAndMillis() {
    assertEquals("01:02:03.004", Timestamps.webVtt(3_723_004));
    assertEquals("01:02:03,004", Timestamps.srt(3_723_004));
  }

  @Test
  void padsSmallValuesAndCarriesAtEachUnit() {
    assertEquals("00:00:00.000", Timestamps.webVtt(0));
    assertEquals("00:00:59.999", Timestamps.webVtt(59_999));
    assertEquals("00:01:00.000", Timestamps.webVtt(60_000));
    assertEquals("00:59:59,999", Timestamps.srt(3_599_999));
  }

  @Test
  void hoursGrowBeyondTwoDigits() {
    assertEquals("100:00:00.000", Timestamps.webVtt(100L * 3_600_000));
  }

  @Test
  void rejectsNegativeTimes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Timestamps.webVtt(-1));
    assertEquals("timestamp must be >= 0 ms, got -1", e.getMessage());
  }
}
