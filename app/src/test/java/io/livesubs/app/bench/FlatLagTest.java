package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The flat-lag decision on synthetic lag series. */
class FlatLagTest {

  /** One sample a second for {@code seconds} seconds, lag = {@code lag(t)}. */
  private static List<FlatLag.Sample> series(int seconds, DoubleUnaryOperator lag) {
    List<FlatLag.Sample> samples = new ArrayList<>();
    for (int t = 0; t < seconds; t++) {
      samples.add(new FlatLag.Sample(t, lag.applyAsDouble(t)));
    }
    return samples;
  }

  @Test
  void slopeOfAStraightLineIsItsGradient() {
    assertEquals(0.25, FlatLag.slope(series(10, t -> 1 + 0.25 * t)), 1e-12);
    assertEquals(0.0, FlatLag.slope(series(10, t -> 0.4)), 1e-12);
    assertEquals(0.0, FlatLag.slope(List.of(new FlatLag.Sample(3, 1), new FlatLag.Sample(3, 2))));
  }

  @Test
  void aConstantSmallLagIsFlat() {
    FlatLag.Verdict v = FlatLag.decide(series(60, t -> 0.3 + (t % 2 == 0 ? 0.05 : -0.05)));
    assertTrue(v.flat(), v.toString());
    assertEquals(0.35, v.maxLagSeconds(), 1e-9);
    assertTrue(v.samples() >= 19 && v.samples() <= 21, v.toString());
  }

  @Test
  void aSteadilyGrowingLagIsNotFlatEvenWhileStillSmall() {
    FlatLag.Verdict v = FlatLag.decide(series(30, t -> 0.2 + 0.06 * t));
    assertFalse(v.flat(), v.toString());
    assertEquals(0.06, v.slope(), 1e-9);
    assertTrue(v.maxLagSeconds() < FlatLag.MAX_LAG_SECONDS, v.toString());
    assertTrue(v.reason().contains("grows"), v.reason());
  }

  @Test
  void aSlowlyGrowingLagIsFlatUntilItIsTooLarge() {
    assertTrue(FlatLag.decide(series(60, t -> 0.2 + 0.03 * t)).flat());
    FlatLag.Verdict v = FlatLag.decide(series(60, t -> 1.5 + 0.03 * t));
    assertFalse(v.flat(), v.toString());
    assertTrue(v.reason().contains("too large"), v.reason());
  }

  @Test
  void onlyTheLastThirdCounts() {
    // Catching up at the start (large, falling lag), then flat.
    FlatLag.Verdict v = FlatLag.decide(series(60, t -> t < 20 ? 10 - 0.5 * t : 0.4));
    assertTrue(v.flat(), v.toString());
  }

  @Test
  void aFlatButLargeLagIsNotFlat() {
    FlatLag.Verdict v = FlatLag.decide(series(60, t -> FlatLag.MAX_LAG_SECONDS + 1));
    assertFalse(v.flat(), v.toString());
    assertEquals(0.0, v.slope(), 1e-12);
  }

  @Test
  void tooFewSamplesGiveNoDecision() {
    assertFalse(FlatLag.decide(List.of()).flat());
    FlatLag.Verdict v = FlatLag.decide(series(2, t -> 0.1));
    assertFalse(v.flat(), v.toString());
    assertTrue(Double.isNaN(v.slope()));
    assertTrue(v.reason().contains("samples"), v.reason());
  }
}
