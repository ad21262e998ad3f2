package io.livesubs.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  @Test
  void readsTheUsualUnits() {
    assertEquals(Duration.ofMillis(250), DurationConverter.parse("250ms"));
    assertEquals(Duration.ofSeconds(2), DurationConverter.parse("2s"));
    assertEquals(Duration.ofMillis(1500), DurationConverter.parse("1.5s"));
    assertEquals(Duration.ofMinutes(10), DurationConverter.parse("10m"));
    assertEquals(Duration.ofHours(1), DurationConverter.parse(" 1h "));
    assertEquals(Duration.ofSeconds(3), DurationConverter.parse("PT3S"));
  }

  @Test
  void refusesBareNumbersAndNonsenseNamingTheValue() {
    for (String bad : new String[] {"5", "two seconds", "-1s", "", "PTxS"}) {
      TypeConversionException e =
          assertThrows(TypeConversionException.class, () -> DurationConverter.parse(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }
}
